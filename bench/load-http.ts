/**
 * Child process: drives the api with autocannon for a fixed time and sends back the figures.
 * `register` posts a different family (1–4 persons) with a different email on every request;
 * `live` gets /health/live, the ceiling of the HTTP stack.
 */
import autocannon from 'autocannon';

export interface HttpLoadInput {
  mode: 'register' | 'live';
  baseUrl: string;
  eventId?: string;
  connections: number;
  durationSec: number;
  /** Makes emails unique across runs on one database. */
  tag: string;
}

export interface HttpLoadResult {
  mode: string;
  connections: number;
  durationSec: number;
  requests: number;
  statusCounts: Record<string, number>;
  ok: number;
  okPerSec: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

function familyOf(i: number): Record<string, unknown>[] {
  const n = 1 + (i % 4);
  const people: Record<string, unknown>[] = [{ name: `Parent ${i}`, category: 'adult' }];
  for (let k = 1; k < n; k++) people.push({ name: `Child ${i}-${k}`, category: 'child', birthDate: '2016-05-01' });
  return people;
}

async function main(): Promise<void> {
  const input = JSON.parse(process.argv[2]) as HttpLoadInput;
  let seq = 0;
  const request: autocannon.Request =
    input.mode === 'register'
      ? {
          method: 'POST',
          path: `/api/v1/events/${input.eventId}/registrations`,
          headers: { 'content-type': 'application/json' },
          setupRequest: (req) => {
            seq += 1;
            return {
              ...req,
              body: JSON.stringify({
                contact: { name: `Family ${input.tag} ${seq}`, email: `f${seq}.${input.tag}@bench.example` },
                attendees: familyOf(seq),
                consents: { dataProcessing: true },
                locale: seq % 2 ? 'en' : 'zh-CN',
              }),
            };
          },
        }
      : { method: 'GET', path: '/health/live' };
  const r = await autocannon({
    url: input.baseUrl,
    connections: input.connections,
    duration: input.durationSec,
    pipelining: 1,
    timeout: 30,
    requests: [request],
  });
  const statusCounts: Record<string, number> = {};
  const byCode = (r as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  for (const [code, v] of Object.entries(byCode)) statusCounts[code] = v.count;
  const okCode = input.mode === 'register' ? '201' : '200';
  const ok = statusCounts[okCode] ?? 0;
  const result: HttpLoadResult = {
    mode: input.mode,
    connections: input.connections,
    durationSec: r.duration,
    requests: r.requests.total,
    statusCounts,
    ok,
    okPerSec: ok / r.duration,
    latencyMs: {
      p50: r.latency.p50,
      p90: r.latency.p90,
      p99: r.latency.p99,
      max: r.latency.max,
      mean: r.latency.average,
    },
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.requests.total - ok,
  };
  process.send!(result);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
