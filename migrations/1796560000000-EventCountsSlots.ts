import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An event's counts are kept in eight rows (`slot` 0–7) instead of one, and read as their sum. A
 * transaction adds its deltas to the slot its transaction id falls on, so concurrent
 * single-family writers of one event (check-ins at several doors, a family's change, the
 * fallback's registrations) no longer queue on one row from their count until their commit;
 * each total stays exact, since every delta is still written in the transaction that causes it.
 * A transaction keeps one slot for all its statements, and a statement touching several events
 * still locks them in event order, so the slots add no deadlock.
 *
 * The trigger functions are rewritten in place (as CountsByKey did), refusing to run if a piece
 * they rewrite is not found as written; the recount puts an event's totals in slot 0 and clears
 * the others.
 */
const SLOT = '(txid_current() % 8)::smallint';

const REWRITES: { from: string; to: string }[] = [
  {
    from: 'INSERT INTO event_counts AS c (event_id, confirmed,',
    to: 'INSERT INTO event_counts AS c (event_id, slot, confirmed,',
  },
  { from: 'SELECT event_id, sum(confirmed),', to: `SELECT event_id, ${SLOT}, sum(confirmed),` },
  { from: 'ON CONFLICT (event_id) DO UPDATE', to: 'ON CONFLICT (event_id, slot) DO UPDATE' },
];
const FUNCTIONS = ['registrations_count()', 'registration_attendees_count()'];

async function rewrite(queryRunner: QueryRunner, fn: string, pairs: { from: string; to: string }[]): Promise<void> {
  const [{ def }]: { def: string }[] = await queryRunner.query(`SELECT pg_get_functiondef($1::regprocedure) AS def`, [
    fn,
  ]);
  let out = def;
  let times: number | null = null;
  for (const { from, to } of pairs) {
    const found = out.split(from).length - 1;
    // Each upsert has each piece once: every piece is found as often as the first.
    times ??= found;
    if (found === 0 || found !== times) throw new Error(`${fn}: expected ${times || 'some'} × "${from}", found ${found}`);
    out = out.split(from).join(to);
  }
  await queryRunner.query(out);
}

const RECOUNT_BODY = (slotted: boolean) => `
  ${slotted ? 'DELETE FROM event_counts WHERE event_id = ANY(events) AND slot <> 0;' : ''}
  INSERT INTO event_counts AS c (event_id, ${slotted ? 'slot, ' : ''}confirmed, waitlisted, cancelled, adults, children, checked_in)
  SELECT e.id, ${slotted ? '0, ' : ''}r.confirmed, r.waitlisted, r.cancelled, a.adults, a.children, a.checked_in
  FROM events e,
  LATERAL (
    SELECT count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed,
           count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted,
           count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled
    FROM registrations WHERE event_id = e.id
  ) r,
  LATERAL (
    SELECT count(*) FILTER (WHERE at.category = 'adult')::int AS adults,
           count(*) FILTER (WHERE at.category = 'child')::int AS children,
           count(*) FILTER (WHERE at.checked_in_at IS NOT NULL)::int AS checked_in
    FROM registration_attendees at JOIN registrations rg ON rg.id = at.registration_id
    WHERE at.event_id = e.id AND rg.status = 'confirmed'
  ) a
  WHERE e.id = ANY(events)
  ORDER BY e.id
  ON CONFLICT (event_id${slotted ? ', slot' : ''}) DO UPDATE SET
    confirmed = EXCLUDED.confirmed, waitlisted = EXCLUDED.waitlisted, cancelled = EXCLUDED.cancelled,
    adults = EXCLUDED.adults, children = EXCLUDED.children, checked_in = EXCLUDED.checked_in
`;

export class EventCountsSlots1796560000000 implements MigrationInterface {
  name = 'EventCountsSlots1796560000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "event_counts" ADD "slot" smallint NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "event_counts" DROP CONSTRAINT "PK_e6636f0cf5523e6d143dc067906"`);
    await queryRunner.query(
      `ALTER TABLE "event_counts" ADD CONSTRAINT "PK_event_counts_event_slot" PRIMARY KEY ("event_id", "slot")`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_counts" ADD CONSTRAINT "CHK_event_counts_slot" CHECK ("slot" BETWEEN 0 AND 7)`,
    );
    for (const fn of FUNCTIONS) await rewrite(queryRunner, fn, REWRITES);
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION event_counts_recount(events uuid[]) RETURNS void LANGUAGE sql AS $$${RECOUNT_BODY(true)}$$`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const fn of FUNCTIONS)
      await rewrite(
        queryRunner,
        fn,
        REWRITES.map(({ from, to }) => ({ from: to, to: from })),
      );
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION event_counts_recount(events uuid[]) RETURNS void LANGUAGE sql AS $$${RECOUNT_BODY(false)}$$`,
    );
    // The slots of each event folded into slot 0, which becomes the event's one row again.
    await queryRunner.query(`
      WITH folded AS (
        DELETE FROM event_counts WHERE slot <> 0
        RETURNING event_id, confirmed, waitlisted, cancelled, adults, children, checked_in)
      INSERT INTO event_counts AS c (event_id, slot, confirmed, waitlisted, cancelled, adults, children, checked_in)
      SELECT event_id, 0, sum(confirmed), sum(waitlisted), sum(cancelled), sum(adults), sum(children), sum(checked_in)
      FROM folded GROUP BY event_id
      ON CONFLICT (event_id, slot) DO UPDATE SET
        confirmed = c.confirmed + EXCLUDED.confirmed, waitlisted = c.waitlisted + EXCLUDED.waitlisted,
        cancelled = c.cancelled + EXCLUDED.cancelled, adults = c.adults + EXCLUDED.adults,
        children = c.children + EXCLUDED.children, checked_in = c.checked_in + EXCLUDED.checked_in`);
    await queryRunner.query(`ALTER TABLE "event_counts" DROP CONSTRAINT "CHK_event_counts_slot"`);
    await queryRunner.query(`ALTER TABLE "event_counts" DROP CONSTRAINT "PK_event_counts_event_slot"`);
    await queryRunner.query(`ALTER TABLE "event_counts" DROP COLUMN "slot"`);
    await queryRunner.query(
      `ALTER TABLE "event_counts" ADD CONSTRAINT "PK_e6636f0cf5523e6d143dc067906" PRIMARY KEY ("event_id")`,
    );
  }
}
