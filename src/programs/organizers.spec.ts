import { canOrganize, organizerIdErrors, organizerIdsOf } from './organizers';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';

describe('organizerIdErrors', () => {
  it('should pass users with the organizer or admin role', () => {
    expect(
      organizerIdErrors(
        [A, B],
        [
          { id: A, roles: ['family', 'organizer'] },
          { id: B, roles: ['family', 'admin'] },
        ],
      ),
    ).toEqual([]);
  });

  it('should name each bad entry by its index', () => {
    expect(
      organizerIdErrors(
        ['nope', A, B, C],
        [
          { id: A, roles: ['family'] },
          { id: C, roles: ['organizer'] },
        ],
      ),
    ).toEqual([
      { field: 'userIds[0]', message: 'userIds[0] must be a uuid' },
      { field: 'userIds[1]', message: 'userIds[1] names a user without the organizer role' },
      { field: 'userIds[2]', message: 'userIds[2] names no user' },
    ]);
  });
});

describe('canOrganize', () => {
  it('should let organizers and admins organize, and nobody else', () => {
    expect(canOrganize(['family', 'organizer'])).toBe(true);
    expect(canOrganize(['admin'])).toBe(true);
    expect(canOrganize(['family', 'sponsor'])).toBe(false);
  });
});

describe('organizerIdsOf', () => {
  it('should put the creator first and not repeat them', () => {
    expect(organizerIdsOf(A, [B, A, C])).toEqual([A, B, C]);
    expect(organizerIdsOf(A, [])).toEqual([A]);
  });
});
