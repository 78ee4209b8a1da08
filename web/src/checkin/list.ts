import type { Schemas } from '../api/client';

/** One family of the event as the device keeps it (the api's check-in list entry). */
export type Entry = Schemas['CheckInListEntry'];
export type Attendee = Schemas['CheckInListAttendee'];

/** A check-in or an undo made at the door, with the id the device made for it (sent as is). */
export interface Operation {
  id: string;
  code: string;
  /** The attendees it names; absent: the whole party. */
  attendeeIds?: string[];
  undo?: boolean;
  /** When it was made, by the device's clock. */
  at: string;
}

/** What the device says about a typed or scanned code, from its own list (offline included). */
export type Decision =
  | { kind: 'unknown'; code: string }
  | { kind: 'not_checkable'; entry: Entry }
  | { kind: 'checked_in'; entry: Entry; at: string }
  | { kind: 'checkable'; entry: Entry; waiting: Attendee[] };

/** What people type and scanners send: any case, spaces and dashes ignored (as the api reads it). */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** The list by code, for an answer without a search: thousands of families, one lookup. */
export function indexByCode(entries: Iterable<Entry>): Map<string, Entry> {
  const byCode = new Map<string, Entry>();
  for (const e of entries) byCode.set(normalizeCode(e.code), e);
  return byCode;
}

export function decide(byCode: Map<string, Entry>, typed: string): Decision {
  const code = normalizeCode(typed);
  const entry = byCode.get(code);
  if (!entry) return { kind: 'unknown', code };
  if (entry.status !== 'confirmed') return { kind: 'not_checkable', entry };
  const waiting = entry.attendees.filter((a) => !a.checkedInAt);
  if (waiting.length === 0) {
    const latest = entry.attendees
      .map((a) => a.checkedInAt!)
      .sort()
      .at(-1)!;
    return { kind: 'checked_in', entry, at: latest };
  }
  return { kind: 'checkable', entry, waiting };
}

/**
 * An operation applied to the device's copy of a family, as the api will apply it: a check-in
 * stamps the named attendees not yet in (a confirmed family only), an undo clears them whatever
 * the status. Returns the entry unchanged when nothing applies.
 */
export function applyOperation(entry: Entry, op: Operation): Entry {
  if (normalizeCode(op.code) !== normalizeCode(entry.code)) return entry;
  const named = (a: Attendee) => !op.attendeeIds || op.attendeeIds.includes(a.id);
  if (op.undo) {
    return { ...entry, attendees: entry.attendees.map((a) => (named(a) ? { ...a, checkedInAt: null } : a)) };
  }
  if (entry.status !== 'confirmed') return entry;
  return {
    ...entry,
    attendees: entry.attendees.map((a) => (named(a) && !a.checkedInAt ? { ...a, checkedInAt: op.at } : a)),
  };
}

/**
 * The list after a download: each entry that came back replaces the device's by id (a list with
 * `since` holds only the changes), new ones are added, and the operations still waiting to be
 * sent are applied on top, so what the door did stays visible until the server has it.
 */
export function mergeList(held: Entry[], incoming: Entry[], full: boolean, pending: Operation[]): Entry[] {
  const byId = new Map<string, Entry>(full ? [] : held.map((e) => [e.id, e]));
  for (const e of incoming) byId.set(e.id, e);
  return applyAll([...byId.values()], pending);
}

/** Operations applied in order to the families they name. */
export function applyAll(entries: Entry[], ops: Operation[]): Entry[] {
  if (ops.length === 0) return entries;
  const byCode = new Map<string, Operation[]>();
  for (const op of ops) {
    const c = normalizeCode(op.code);
    byCode.set(c, [...(byCode.get(c) ?? []), op]);
  }
  return entries.map((e) => (byCode.get(normalizeCode(e.code)) ?? []).reduce(applyOperation, e));
}
