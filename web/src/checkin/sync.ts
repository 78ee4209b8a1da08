import type { Schemas } from '../api/client';
import type { Entry, Operation } from './list';
import { normalizeCode } from './list';

export type Outcome = Schemas['CheckInBatchResult']['outcome'];
export type BatchResult = Schemas['CheckInBatchResult'];

/** The most operations one request carries (the api takes up to 200). */
export const BATCH_SIZE = 200;

/** Something the server did not do as the device did it, for the door person to read. */
export interface Conflict {
  id: string;
  code: string;
  outcome: 'already_checked_in' | 'not_checkable' | 'unknown_code';
  /** The family's contact, when the device knows the code. */
  contactName?: string;
  /** The names the operation was for. */
  names: string[];
  undo: boolean;
  at: string;
}

/** The next batch to send: the oldest operations first, at most `size`. */
export function nextBatch(queue: Operation[], size = BATCH_SIZE): Operation[] {
  return queue.slice(0, size);
}

/**
 * What the server answered for a sent batch: the operations it settled leave the queue (applied,
 * or `duplicate`: applied before, by an earlier try whose answer was lost), and the ones it did
 * not apply as the device did become conflicts. An operation without a result (the answer was
 * cut short) stays queued: sending it again is harmless.
 */
export function reconcile(
  sent: Operation[],
  results: BatchResult[],
  entries: Entry[],
): { settled: Set<string>; conflicts: Conflict[] } {
  const byId = new Map(results.map((r) => [r.id.toLowerCase(), r]));
  const byCode = new Map(entries.map((e) => [normalizeCode(e.code), e]));
  const settled = new Set<string>();
  const conflicts: Conflict[] = [];
  for (const op of sent) {
    const r = byId.get(op.id.toLowerCase());
    if (!r) continue;
    settled.add(op.id);
    if (r.outcome === 'already_checked_in' || r.outcome === 'not_checkable' || r.outcome === 'unknown_code') {
      const entry = byCode.get(normalizeCode(op.code));
      const party = entry?.attendees.filter((a) => !op.attendeeIds || op.attendeeIds.includes(a.id)) ?? [];
      conflicts.push({
        id: op.id,
        code: op.code,
        outcome: r.outcome,
        contactName: entry?.contactName,
        names: party.map((a) => a.name),
        undo: !!op.undo,
        at: op.at,
      });
    }
  }
  return { settled, conflicts };
}
