import { ApiError } from '../../api/client';
import type { SummaryItem } from '../../ui/ErrorSummary';

/** Server field errors as control id → messages (controls are named `<form>-<field>`). */
export function serverFieldErrors(e: unknown, prefix: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  if (!(e instanceof ApiError)) return map;
  for (const f of e.errors) {
    const id = `${prefix}-${f.field}`;
    map.set(id, [...(map.get(id) ?? []), f.message]);
  }
  return map;
}

export function summaryOf(errors: Map<string, string[]>): SummaryItem[] {
  return [...errors.entries()].flatMap(([target, messages]) => messages.map((message) => ({ target, message })));
}

/** Where to go after signing in: a path of this app given as `?next=`, never another site. */
export function nextPath(search: string, fallback = '/me/registrations'): string {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : fallback;
}
