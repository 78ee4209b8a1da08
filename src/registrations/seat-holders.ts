import type { EntityManager } from 'typeorm';

/**
 * Whether the account holds a confirmed registration for the event: such a family may see the
 * event's online link. Answered by the (event, account) index of active registrations.
 */
export async function holdsConfirmedSeat(
  m: Pick<EntityManager, 'query'>,
  eventId: string,
  userId: string,
): Promise<boolean> {
  const rows: unknown[] = await m.query(
    `SELECT 1 FROM registrations
     WHERE event_id = $1 AND user_id = $2 AND status = 'confirmed' AND status <> 'cancelled' AND user_id IS NOT NULL
     LIMIT 1`,
    [eventId, userId],
  );
  return rows.length > 0;
}
