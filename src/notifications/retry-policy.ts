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
}

export function isPermanent(err: SendError): boolean {
  return typeof err.responseCode === 'number' && err.responseCode >= 500 && err.responseCode < 600;
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
export function describeError(err: SendError & { response?: string }): string {
  const text = err.response ?? (err.code ? `${err.code}: ` : '') + (err.message ?? String(err));
  return text.slice(0, 2000);
}
