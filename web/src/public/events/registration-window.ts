import type { EventItem } from './queries';

export type Openness =
  | { state: 'open' }
  | { state: 'not_yet'; opensAt: string }
  | { state: 'closed' }
  | { state: 'cancelled' }
  | { state: 'completed' }
  | { state: 'draft' };

/** Whether a family can register now, as the server will decide it (registration_closed otherwise). */
export function openness(e: EventItem, now: Date = new Date()): Openness {
  if (e.status === 'cancelled') return { state: 'cancelled' };
  if (e.status === 'completed') return { state: 'completed' };
  if (e.status === 'draft') return { state: 'draft' };
  if (e.registrationOpensAt && new Date(e.registrationOpensAt) > now)
    return { state: 'not_yet', opensAt: e.registrationOpensAt };
  const closes = e.registrationClosesAt ?? e.startsAt;
  if (new Date(closes) <= now) return { state: 'closed' };
  return { state: 'open' };
}
