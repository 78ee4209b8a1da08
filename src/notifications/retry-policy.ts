/**
 * What to do after a failed send. Retries live in the outbox row: transient failures (SMTP 4xx,
 * network errors, timeouts) back off from seconds to an hour over about ten tries; a permanent
 * refusal of the recipient (SMTP 5xx) fails at once.
 */
export const BACKOFF_SECONDS = [5, 15, 30, 60, 120, 300, 600, 1200, 2400, 3600];

export type Verdict = { action: 'retry'; delayMs: number } | { action: 'fail' };

export interface SendError {
  responseCode?: number;
  code?: string;
  message?: string;
  /** The server's whole reply (`550 5.1.1 <a@b>: no such user`). */
  response?: string;
  /** The SMTP command it answered (`RCPT TO`, `DATA`). */
  command?: string;
}

export function isPermanent(err: SendError): boolean {
  return typeof err.responseCode === 'number' && err.responseCode >= 500 && err.responseCode < 600;
}

/**
 * A permanent refusal of the address itself, after which optional mail to it is suppressed: an
 * enhanced status 5.1.x (bad mailbox, bad domain) or 5.2.1 (mailbox disabled); without one, a 5xx
 * to RCPT TO, or 550, 551 or 553. A 5xx about the message (5.7.x policy or spam, 552 size, 554)
 * says nothing about the address and suppresses nothing.
 */
export function isAddressRefusal(err: SendError): boolean {
  if (!isPermanent(err)) return false;
  const enhanced = /(?:^|\s)5\.(\d{1,3})\.(\d{1,3})(?:\s|$)/.exec(err.response ?? err.message ?? '');
  if (enhanced) return enhanced[1] === '1' || (enhanced[1] === '2' && enhanced[2] === '1');
  if (err.command === 'RCPT TO') return true;
  return [550, 551, 553].includes(err.responseCode!);
}

/** `attempts` counts tries made so far, this one included. */
export function verdict(err: SendError, attempts: number, maxAttempts: number, scale = 1): Verdict {
  if (isPermanent(err) || attempts >= maxAttempts) return { action: 'fail' };
  const base = BACKOFF_SECONDS[Math.min(attempts - 1, BACKOFF_SECONDS.length - 1)] * 1000;
  // ±20% jitter so that a burst refused together is not retried together.
  const jitter = 0.8 + Math.random() * 0.4;
  return { action: 'retry', delayMs: Math.round(base * jitter * scale) };
}

/** One line for `last_error`: the SMTP reply when there is one. */
export function describeError(err: SendError): string {
  const text = err.response ?? (err.code ? `${err.code}: ` : '') + (err.message ?? String(err));
  return text.slice(0, 2000);
}
