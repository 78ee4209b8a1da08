/**
 * Child process: Kinship's single-family writers on one event, a fixed amount of work done by
 * `connections` concurrent clients through the api, each request waiting for the one before:
 * - `check-in`: `POST /events/:id/check-ins` with one registration's code (the whole party);
 * - `batch`: `POST /events/:id/check-ins/batch`, `batchSize` codes a batch, as door devices send
 *   them after a spell offline (each item is a transaction of its own on the server);
 * - `cancel`: `POST /registrations/:id/cancel` as the organizer.
 * Answers the operations per second (families checked in or cancelled) and the latency per request.
 */
import { randomUUID } from 'node:crypto';
import { percentile } from './lib/procs';

export type WriterMode = 'check-in' | 'batch' | 'cancel';

export interface WritersInput {
  mode: WriterMode;
  baseUrl: string;
  token: string;
  eventId: string;
  /** Codes (check-in, batch) or registration ids (cancel), each used once. */
  jobs: string[];
  connections: number;
  batchSize: number;
}

export interface WritersResult {
  mode: WriterMode;
  connections: number;
  families: number;
  seconds: number;
  familiesPerSec: number;
  requests: number;
  statusCounts: Record<string, number>;
  /** Batch items whose outcome was not `checked_in`. */
  itemsNotCheckedIn: number;
  latencyMs: { p50: number; p99: number; max: number };
}

async function main(): Promise<void> {
  const input = JSON.parse(process.argv[2]) as WritersInput;
  const api = `${input.baseUrl}/api/v1`;
  const headers = { authorization: `Bearer ${input.token}`, 'content-type': 'application/json' };
  const per = input.mode === 'batch' ? input.batchSize : 1;
  const chunks: string[][] = [];
  for (let i = 0; i < input.jobs.length; i += per) chunks.push(input.jobs.slice(i, i + per));
  const statusCounts: Record<string, number> = {};
  const latencies: number[] = [];
  let itemsNotCheckedIn = 0;
  let next = 0;

  const send = async (chunk: string[]) => {
    const t = performance.now();
    let res: Response;
    if (input.mode === 'cancel') {
      res = await fetch(`${api}/registrations/${chunk[0]}/cancel`, { method: 'POST', headers });
    } else if (input.mode === 'check-in') {
      res = await fetch(`${api}/events/${input.eventId}/check-ins`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ code: chunk[0] }),
      });
    } else {
      const at = new Date().toISOString();
      res = await fetch(`${api}/events/${input.eventId}/check-ins/batch`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ items: chunk.map((code) => ({ id: randomUUID(), code, at })) }),
      });
    }
    const body = (await res.json()) as { results?: { outcome: string }[] };
    latencies.push(performance.now() - t);
    statusCounts[res.status] = (statusCounts[res.status] ?? 0) + 1;
    if (input.mode === 'batch')
      itemsNotCheckedIn += (body.results ?? []).filter((r) => r.outcome !== 'checked_in').length + chunk.length - (body.results?.length ?? 0);
  };

  const started = performance.now();
  await Promise.all(
    Array.from({ length: input.connections }, async () => {
      while (next < chunks.length) await send(chunks[next++]);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const result: WritersResult = {
    mode: input.mode,
    connections: input.connections,
    families: input.jobs.length,
    seconds,
    familiesPerSec: input.jobs.length / seconds,
    requests: chunks.length,
    statusCounts,
    itemsNotCheckedIn,
    latencyMs: {
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies[latencies.length - 1] ?? NaN,
    },
  };
  process.send!(result, () => process.exit(0));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
