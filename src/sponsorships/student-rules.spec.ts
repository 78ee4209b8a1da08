import {
  canMove,
  cardBefore,
  consentHolds,
  sponsorAge,
  sponsorshipCutoff,
  STUDENT_STATUSES,
  StudentStatus,
} from './student-rules';

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

describe('sponsorAge', () => {
  it('should be the age on 1 January, the same all year whatever the birthday', () => {
    // Born 15 June 2016: 9 on 1 January 2026, all through 2026, on her birthday and after it.
    for (const today of ['2026-01-01', '2026-06-14', '2026-06-15', '2026-12-31']) {
      expect(sponsorAge('2016-06-15', today, null)).toBe(9);
    }
    expect(sponsorAge('2016-01-01', '2026-01-01', null)).toBe(10);
    expect(sponsorAge('2016-01-02', '2026-12-31', null)).toBe(9);
    expect(sponsorAge('2016-06-15', '2027-03-01', null)).toBe(10);
  });

  it('should stay at the year the sponsorship ended', () => {
    expect(sponsorAge('2016-06-15', '2029-08-01', new Date('2026-09-30T10:00:00Z'))).toBe(9);
  });

  it('should be unknown once her record was reduced after her program (no birth date left)', () => {
    expect(sponsorAge(null, '2029-08-01', new Date('2026-09-30T10:00:00Z'))).toBeNull();
  });
});

describe('sponsorshipCutoff', () => {
  const now = new Date('2026-06-15T12:00:00Z');

  it('should be none while the sponsorship runs, its planned end still ahead', () => {
    expect(sponsorshipCutoff({ endedAt: null, endDate: null }, now)).toBeNull();
    expect(sponsorshipCutoff({ endedAt: null, endDate: '2026-06-15' }, now)).toBeNull();
  });

  it('should be when it was ended, or the end of its planned last day once passed, whichever is first', () => {
    const endedAt = new Date('2026-03-01T09:30:00Z');
    expect(sponsorshipCutoff({ endedAt, endDate: null }, now)).toEqual(endedAt);
    expect(sponsorshipCutoff({ endedAt: null, endDate: '2026-05-31' }, now)).toEqual(new Date('2026-06-01T00:00:00Z'));
    expect(sponsorshipCutoff({ endedAt, endDate: '2026-05-31' }, now)).toEqual(endedAt);
    expect(sponsorshipCutoff({ endedAt: new Date('2026-06-10T00:00:00Z'), endDate: '2026-05-31' }, now)).toEqual(
      new Date('2026-06-01T00:00:00Z'),
    );
  });
});

describe('cardBefore', () => {
  const card = {
    preferredName: 'Asha',
    birthDate: '2012-04-02',
    country: 'NP',
    gradeLevel: 'Grade 10',
    schoolTown: 'Pokhara',
  };

  it('should give each field the value it had before its first later change', () => {
    const later = [
      { gradeLevel: { from: 'Grade 8', to: 'Grade 9' }, fullName: { from: 'A B', to: 'A C' } },
      {
        gradeLevel: { from: 'Grade 9', to: 'Grade 10' },
        school: { from: { name: 'X', town: 'Gorkha' }, to: { name: 'Y', town: 'Pokhara' } },
      },
    ];
    expect(cardBefore(card, later)).toEqual({ ...card, gradeLevel: 'Grade 8', schoolTown: 'Gorkha' });
    expect(cardBefore(card, [])).toEqual(card);
  });
});
