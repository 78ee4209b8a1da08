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
