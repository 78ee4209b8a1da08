import { DataSource } from 'typeorm';

export interface SettledRow {
  status: 'sent' | 'failed' | 'skipped';
  /** Why it was skipped or failed (`last_error`); for a sent row, the last refusal before it went, if any. */
  reason: string | null;
}

/**
 * Waits until every outbox row named by `keys` (dedupe keys) exists and has reached a final state,
 * and answers each one's. A mail that must not go is checked this way: its row ends `skipped`
 * (never "no mail arrived within a while"); once a row is `sent`, the SMTP server has its mail.
 */
export async function settled(db: DataSource, keys: string[], timeoutMs = 20_000): Promise<Record<string, SettledRow>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const rows: { dedupe_key: string; status: string; last_error: string | null }[] = await db.query(
      'SELECT dedupe_key, status, last_error FROM notifications WHERE dedupe_key = ANY($1)',
      [keys],
    );
    const final = rows.filter((r) => ['sent', 'failed', 'skipped'].includes(r.status));
    if (final.length === keys.length) {
      return Object.fromEntries(
        final.map((r) => [r.dedupe_key, { status: r.status as SettledRow['status'], reason: r.last_error }]),
      );
    }
    if (Date.now() > until) {
      const seen = Object.fromEntries(rows.map((r) => [r.dedupe_key, r.status]));
      throw new Error(
        `outbox rows not settled: ${keys
          .filter((k) => !final.some((r) => r.dedupe_key === k))
          .map((k) => `${k} (${seen[k] ?? 'absent'})`)
          .join(', ')}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The statuses alone, by key: `expect(statuses(await settled(...))).toEqual({ [key]: 'skipped' })`. */
export function statuses(rows: Record<string, SettledRow>): Record<string, string> {
  return Object.fromEntries(Object.entries(rows).map(([k, r]) => [k, r.status]));
}
