import { ageOn } from '../common/dates';

/** The life of a student's record and of the consents given for her, as pure rules. */
export const STUDENT_STATUSES = ['waiting', 'sponsored', 'graduated', 'withdrawn'] as const;
export type StudentStatus = (typeof STUDENT_STATUSES)[number];

/**
 * The allowed moves: a waiting student is sponsored or withdrawn; a sponsored one graduates, is
 * withdrawn, or waits again once every sponsorship has ended. Graduated and withdrawn are final.
 */
export const STUDENT_TRANSITIONS: Record<StudentStatus, readonly StudentStatus[]> = {
  waiting: ['sponsored', 'withdrawn'],
  sponsored: ['graduated', 'withdrawn', 'waiting'],
  graduated: [],
  withdrawn: [],
};

export function canMove(from: StudentStatus, to: StudentStatus): boolean {
  return STUDENT_TRANSITIONS[from].includes(to);
}

export const CONSENT_PURPOSES = ['share_progress', 'photos'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export interface ConsentRecord {
  grantedAt: Date;
  expiresAt: Date | null;
  withdrawnAt: Date | null;
}

/** A consent holds from its grant until it is withdrawn or expires, whichever is first. */
export function consentHolds(c: ConsentRecord | null | undefined, at: Date = new Date()): boolean {
  if (!c) return false;
  if (c.grantedAt.getTime() > at.getTime()) return false;
  if (c.withdrawnAt && c.withdrawnAt.getTime() <= at.getTime()) return false;
  if (c.expiresAt && c.expiresAt.getTime() <= at.getTime()) return false;
  return true;
}

/** What a sponsor may know of a student (DESIGN.md rule 6), as the fields that may change. */
export interface SponsorCard {
  preferredName: string;
  /** Null once her record was reduced after her program. */
  birthDate: string | null;
  country: string;
  gradeLevel: string;
  schoolTown: string;
}

const DAY_MS = 86_400_000;

/**
 * Where a sponsor's view of the student stops: when the sponsorship was ended, or the end of its
 * planned last day once that has passed; null while it runs. Nothing about the student from
 * after it (a report published later, a new grade or school) reaches that sponsor.
 */
export function sponsorshipCutoff(
  s: { endedAt: Date | null; endDate: string | null },
  now: Date = new Date(),
): Date | null {
  const planned = s.endDate ? new Date(Date.parse(`${s.endDate}T00:00:00Z`) + DAY_MS) : null;
  const ends = [s.endedAt, planned && planned.getTime() <= now.getTime() ? planned : null].filter(
    (d): d is Date => !!d,
  );
  return ends.length ? new Date(Math.min(...ends.map((d) => d.getTime()))) : null;
}

/**
 * The card as it was before the record's later updates: each field takes the value it had before
 * the first of them that changed it (`laterUpdates` oldest first, as the audit trail keeps them:
 * field → { from, to }).
 */
export function cardBefore(card: SponsorCard, laterUpdates: Record<string, unknown>[]): SponsorCard {
  const out = { ...card };
  const seen = new Set<string>();
  for (const changes of laterUpdates) {
    for (const [field, change] of Object.entries(changes)) {
      if (seen.has(field) || !change || typeof change !== 'object' || !('from' in change)) continue;
      seen.add(field);
      const from = (change as { from: unknown }).from;
      if (field === 'school' && from && typeof from === 'object' && 'town' in from) {
        out.schoolTown = String((from as { town: unknown }).town);
      } else if (field in out && field !== 'schoolTown' && typeof from === 'string') {
        out[field as Exclude<keyof SponsorCard, 'schoolTown'>] = from;
      }
    }
  }
  return out;
}

/**
 * The age a sponsor is told: her age on 1 January of this year, or of the year the sponsorship
 * ended. It never changes on her birthday, so it does not give the birth date away.
 */
export function sponsorAge(birthDate: string | null, today: string, cutoff: Date | null): number | null {
  if (birthDate === null) return null;
  const year = cutoff ? Math.min(Number(today.slice(0, 4)), cutoff.getUTCFullYear()) : Number(today.slice(0, 4));
  return ageOn(birthDate, `${year}-01-01`);
}
