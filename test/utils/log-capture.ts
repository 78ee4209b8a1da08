import { Writable } from 'node:stream';
import { setLogDestination } from '../../src/common/logging';

/** Collects the JSON log lines of apps created while it is installed. */
export function captureLogs(): { lines: () => Record<string, any>[]; stop: () => void } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  setLogDestination(stream as unknown as Parameters<typeof setLogDestination>[0]);
  return {
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
    stop: () => setLogDestination(undefined),
  };
}
