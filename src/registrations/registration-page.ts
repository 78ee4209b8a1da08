import { EntityManager, In } from 'typeorm';
import { Attendee, Registration } from './registration.entity';

export interface RegistrationRow {
  registration: Registration;
  attendees: Attendee[];
  waitlistPosition: number | null;
}

/** A page of registrations with their attendees and live waitlist positions. */
export interface RegistrationRows {
  rows: RegistrationRow[];
  total: number;
}

/**
 * Loads a page of registrations (chosen and ordered by the caller's query, positions already
 * counted) and their attendees: two queries for the whole page.
 */
export async function withAttendees(
  m: EntityManager,
  page: { id: string; waitlistPosition: number | null }[],
): Promise<RegistrationRow[]> {
  if (!page.length) return [];
  const ids = page.map((p) => p.id);
  const [registrations, attendees] = await Promise.all([
    m.getRepository(Registration).findBy({ id: In(ids) }),
    m.getRepository(Attendee).find({ where: { registrationId: In(ids) }, order: { position: 'ASC' } }),
  ]);
  const byId = new Map(registrations.map((r) => [r.id, r]));
  const attendeesOf = new Map<string, Attendee[]>(ids.map((id) => [id, []]));
  for (const a of attendees) attendeesOf.get(a.registrationId)?.push(a);
  return page
    .filter((p) => byId.has(p.id))
    .map((p) => ({
      registration: byId.get(p.id)!,
      attendees: attendeesOf.get(p.id)!,
      waitlistPosition: p.waitlistPosition,
    }));
}
