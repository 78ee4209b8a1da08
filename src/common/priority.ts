import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * Lowers this process's CPU priority to `nice` (the worker's WORKER_NICE, so that mail yields to
 * the api). Where that is not allowed (a container without the capability, say) it answers why,
 * and the process runs at the priority it has.
 */
export function lowerPriority(nice: number): string | null {
  if (nice === 0) return null;
  try {
    setPriority(Math.max(getPriority(), nice));
  } catch (err) {
    return `could not lower the priority to nice ${nice}: ${(err as Error).message}`;
  }
  // On Linux a priority belongs to one thread: the threads Node started before this call (V8's
  // garbage-collection helpers, say) keep theirs unless each is lowered; later ones inherit it.
  let tids: string[] = [];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return null; // not Linux: the priority is the process's
  }
  for (const tid of tids.map(Number)) {
    try {
      setPriority(tid, Math.max(getPriority(tid), nice));
    } catch {
      // A thread that ended meanwhile.
    }
  }
  return null;
}
