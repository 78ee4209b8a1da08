/**
 * Child process: an open-loop load. Requests are sent at a fixed rate whatever the answers do
 * (request i is due at start + i / rate), as families arrive when an event opens; a slow answer
 * does not slow the arrivals down, so the latency is what a family would wait. Each latency is
 * counted from the moment its request was due, not from when it could be sent, so a client that
 * falls behind does not hide the queue (no coordinated omission).
 * `register` posts a different family (1–4 persons) with a different email on every request;
 * `live` gets /health/live.
 */
import { Agent, request } from 'node:http';
import { percentile } from './lib/procs';

export interface OpenLoadInput {
  mode: 'register' | 'live';
  baseUrl: string;
  eventId?: string;
  ratePerSec: number;
  durationSec: number;
  /** Makes emails unique across runs on one database. */
  tag: string;
}

export interface OpenLoadResult {
  mode: string;
  ratePerSec: number;
  durationSec: number;
  sent: number;
  /** Answered within the run and the drain after it. */
  answered: number;
  ok: number;
  statusCounts: Record<string, number>;
  errors: number;
  /** Requests still unanswered when the drain ended (counted as errors too). */
  unanswered: number;
  /** How far behind schedule the client itself sent (its own lag, not the server's), p99. */
  sendLagP99Ms: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  /** Per second of the run (by when each request was due): requests, p50, p99 and max in ms. */
  bySecond: { second: number; n: number; p50: number; p99: number; max: number }[];
  /** What the failed requests' errors said (message: count). */
  errorMessages: Record<string, number>;
}

/** Sockets enough for every request in flight at the rate: the open loop never waits for one. */
const MAX_SOCKETS = 1024;
const DRAIN_MS = 30_000;
const TICK_MS = 2;

function familyOf(i: number): Record<string, unknown>[] {
  const n = 1 + (i % 4);
  const people: Record<string, unknown>[] = [{ name: `Parent ${i}`, category: 'adult' }];
  for (let k = 1; k < n; k++) people.push({ name: `Child ${i}-${k}`, category: 'child', birthDate: '2016-05-01' });
  return people;
}

async function main(): Promise<void> {
  const input = JSON.parse(process.argv[2]) as OpenLoadInput;
  const url = new URL(input.baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: MAX_SOCKETS });
  const total = Math.round(input.ratePerSec * input.durationSec);
  /** Per second of due time: the latencies of the requests due in it (the run's are these together). */
  const seconds: number[][] = [];
  const errorMessages: Record<string, number> = {};
  const lags: number[] = [];
  const statusCounts: Record<string, number> = {};
  let errors = 0;
  let answered = 0;
  let sent = 0;

  const fire = (i: number, due: number, second: number) => {
    const keep = (ms: number) => (seconds[second] ??= []).push(ms);
    const body =
      input.mode === 'register'
        ? JSON.stringify({
            contact: { name: `Family ${input.tag} ${i}`, email: `o${i}.${input.tag}@bench.example` },
            attendees: familyOf(i),
            consents: { dataProcessing: true },
            locale: i % 2 ? 'en' : 'zh-CN',
          })
        : undefined;
    lags.push(performance.now() - due);
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        agent,
        method: input.mode === 'register' ? 'POST' : 'GET',
        path: input.mode === 'register' ? `/api/v1/events/${input.eventId}/registrations` : '/health/live',
        headers: body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {},
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          answered += 1;
          keep(performance.now() - due);
          statusCounts[res.statusCode ?? 0] = (statusCounts[res.statusCode ?? 0] ?? 0) + 1;
        });
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => {
      errors += 1;
      answered += 1;
      const what = err.code ?? err.message;
      errorMessages[what] = (errorMessages[what] ?? 0) + 1;
      // A request that failed never got its answer: it counts as the slowest.
      keep(Number.POSITIVE_INFINITY);
    });
    req.end(body);
  };

  const start = performance.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const now = performance.now();
      // Every request due by now goes out now, each counted from its own due time.
      while (sent < total && start + (sent * 1000) / input.ratePerSec <= now) {
        fire(sent + 1, start + (sent * 1000) / input.ratePerSec, Math.floor(sent / input.ratePerSec));
        sent += 1;
      }
      if (sent >= total) {
        clearInterval(timer);
        resolve();
      }
    }, TICK_MS);
  });
  const drainUntil = performance.now() + DRAIN_MS;
  while (answered < sent && performance.now() < drainUntil) await new Promise((r) => setTimeout(r, 20));
  const unanswered = sent - answered;
  agent.destroy();

  const latencies = seconds.flat();
  for (let k = 0; k < unanswered; k++) latencies.push(Number.POSITIVE_INFINITY);
  latencies.sort((a, b) => a - b);
  const bySecond = seconds.map((xs, second) => {
    xs.sort((a, b) => a - b);
    return { second, n: xs.length, p50: percentile(xs, 50), p99: percentile(xs, 99), max: xs[xs.length - 1] };
  });
  lags.sort((a, b) => a - b);
  const okCode = input.mode === 'register' ? '201' : '200';
  const result: OpenLoadResult = {
    mode: input.mode,
    ratePerSec: input.ratePerSec,
    durationSec: input.durationSec,
    sent,
    answered,
    ok: statusCounts[okCode] ?? 0,
    statusCounts,
    errors: errors + unanswered,
    unanswered,
    sendLagP99Ms: percentile(lags, 99),
    latencyMs: {
      p50: percentile(latencies, 50),
      p90: percentile(latencies, 90),
      p99: percentile(latencies, 99),
      max: latencies[latencies.length - 1] ?? NaN,
      mean: latencies.reduce((s, x) => s + x, 0) / (latencies.length || 1),
    },
    bySecond,
    errorMessages,
  };
  process.send!(result, () => process.exit(0));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
