/**
 * Outbox payloads of the account mails. Ids only: the name is read and the reset token is
 * recomputed when the worker sends the mail (see auth-mail.preparers.ts).
 */
export interface WelcomePayload {
  userId: string;
}

export interface PasswordResetPayload {
  resetId: string;
}

export const welcomeDedupeKey = (userId: string): string => `user:${userId}:welcome`;
export const passwordResetDedupeKey = (resetId: string): string => `password-reset:${resetId}`;
