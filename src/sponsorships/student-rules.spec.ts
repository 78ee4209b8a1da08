import { canMove, consentHolds, STUDENT_STATUSES, StudentStatus } from './student-rules';

describe('canMove', () => {
  it('should allow exactly the documented transitions', () => {
    const allowed = STUDENT_STATUSES.flatMap((from) =>
      STUDENT_STATUSES.filter((to) => canMove(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        'waiting→sponsored',
        'waiting→withdrawn',
        'sponsored→graduated',
        'sponsored→withdrawn',
        'sponsored→waiting',
      ].sort(),
    );
  });

  it('should refuse leaving graduated or withdrawn, and skipping sponsorship', () => {
    const refused: [StudentStatus, StudentStatus][] = [
      ['graduated', 'waiting'],
      ['withdrawn', 'sponsored'],
      ['waiting', 'graduated'],
      ['graduated', 'withdrawn'],
    ];
    for (const [from, to] of refused) expect(canMove(from, to)).toBe(false);
  });
});

describe('consentHolds', () => {
  const now = new Date('2026-05-01T00:00:00Z');
  const granted = new Date('2026-01-01T00:00:00Z');
  it('should hold from the grant until withdrawn or expired', () => {
    expect(consentHolds({ grantedAt: granted, expiresAt: null, withdrawnAt: null }, now)).toBe(true);
    expect(
      consentHolds({ grantedAt: granted, expiresAt: new Date('2026-06-01T00:00:00Z'), withdrawnAt: null }, now),
    ).toBe(true);
    expect(
      consentHolds({ grantedAt: granted, expiresAt: new Date('2026-05-01T00:00:00Z'), withdrawnAt: null }, now),
    ).toBe(false);
    expect(
      consentHolds({ grantedAt: granted, expiresAt: null, withdrawnAt: new Date('2026-04-30T00:00:00Z') }, now),
    ).toBe(false);
    expect(consentHolds({ grantedAt: new Date('2026-06-01T00:00:00Z'), expiresAt: null, withdrawnAt: null }, now)).toBe(
      false,
    );
    expect(consentHolds(null, now)).toBe(false);
  });
});
