/** The BullMQ queue that wakes senders. Jobs carry a notification id and nothing else. */
export const MAIL_QUEUE = 'mail';
export const JOB_SEND = 'mail.send';
export const JOB_FANOUT = 'mail.fanout';

export interface MailJob {
  notificationId: string;
}

/** Deterministic: one job per row and attempt, so pushing the same attempt twice is a no-op. */
export function mailJobId(notificationId: string, attempt: number): string {
  return `${notificationId}-${attempt}`;
}
