import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Adds per-event deltas (rows of event_id and the six counts) to the counters: one upsert, events
 * in id order, nothing for an event whose counts do not change.
 */
function add(deltas: string): string {
  return `INSERT INTO event_counts AS c (event_id, confirmed, waitlisted, cancelled, adults, children, checked_in)
          SELECT event_id, sum(confirmed), sum(waitlisted), sum(cancelled), sum(adults), sum(children), sum(checked_in)
          FROM (${deltas}) d
          GROUP BY event_id
          HAVING sum(confirmed) <> 0 OR sum(waitlisted) <> 0 OR sum(cancelled) <> 0
              OR sum(adults) <> 0 OR sum(children) <> 0 OR sum(checked_in) <> 0
          ORDER BY event_id
          ON CONFLICT (event_id) DO UPDATE SET
            confirmed = c.confirmed + EXCLUDED.confirmed,
            waitlisted = c.waitlisted + EXCLUDED.waitlisted,
            cancelled = c.cancelled + EXCLUDED.cancelled,
            adults = c.adults + EXCLUDED.adults,
            children = c.children + EXCLUDED.children,
            checked_in = c.checked_in + EXCLUDED.checked_in;`;
}

/**
 * An event's counts (registrations by status; persons of confirmed registrations by category and
 * check-in), so that the organizers' stats and list totals do not grow with the event. Kept by
 * statement-level AFTER triggers with transition tables: each statement on `registrations` or
 * `registration_attendees` costs one aggregated upsert per event it touched, whatever its shape
 * (one row, `INSERT ... SELECT FROM unnest(...)`, several tables in one statement through CTEs).
 *
 * The rules the triggers follow:
 * - a registration counts under its status; its attendees count only while it is confirmed, so a
 *   status change into or out of `confirmed` moves its attendees (as they are at the end of the
 *   statement) in or out;
 * - an attendee inserted, updated or deleted counts by the status its registration has at the end
 *   of the statement (attendees written in the same statement as their new registration are
 *   therefore counted once, by the attendees' trigger);
 * - one statement must not both change a registration's status and write its attendees (the move
 *   and the attendee's own change would overlap); the app never does;
 * - deleting registrations (which cascades to their attendees) recounts the events concerned from
 *   the tables: rare, and the cascade leaves nothing to subtract from.
 * Counters of one event are updated in event id order, so multi-event statements cannot deadlock
 * each other; the row stays locked until commit, after the event row in every write path.
 */
export class EventCounts1795815508412 implements MigrationInterface {
  name = 'EventCounts1795815508412';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "event_counts" ("event_id" uuid NOT NULL, "confirmed" integer NOT NULL DEFAULT '0', "waitlisted" integer NOT NULL DEFAULT '0', "cancelled" integer NOT NULL DEFAULT '0', "adults" integer NOT NULL DEFAULT '0', "children" integer NOT NULL DEFAULT '0', "checked_in" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_e6636f0cf5523e6d143dc067906" PRIMARY KEY ("event_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_counts" ADD CONSTRAINT "FK_e6636f0cf5523e6d143dc067906" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // The organizers' list pages through an event in request order.
    await queryRunner.query(`CREATE INDEX "registrations_event_seq_idx" ON "registrations"  ("event_id", "seq") `);

    await queryRunner.query(`
      CREATE FUNCTION event_counts_recount(events uuid[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO event_counts AS c (event_id, confirmed, waitlisted, cancelled, adults, children, checked_in)
        SELECT e.id, r.confirmed, r.waitlisted, r.cancelled, a.adults, a.children, a.checked_in
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
        ON CONFLICT (event_id) DO UPDATE SET
          confirmed = EXCLUDED.confirmed, waitlisted = EXCLUDED.waitlisted, cancelled = EXCLUDED.cancelled,
          adults = EXCLUDED.adults, children = EXCLUDED.children, checked_in = EXCLUDED.checked_in
      $$`);

    await queryRunner.query(`
      CREATE FUNCTION registrations_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${add(`
            SELECT event_id,
                   count(*) FILTER (WHERE status = 'confirmed') AS confirmed,
                   count(*) FILTER (WHERE status = 'waitlisted') AS waitlisted,
                   count(*) FILTER (WHERE status = 'cancelled') AS cancelled,
                   0 AS adults, 0 AS children, 0 AS checked_in
            FROM new_rows GROUP BY event_id
          `)}
        ELSIF TG_OP = 'UPDATE' THEN
          ${add(`
            -- Registrations that changed status (or event): out of the old, into the new.
            WITH changed AS (
              SELECT o.id, o.event_id AS old_event, o.status AS old_status, n.event_id, n.status
              FROM old_rows o JOIN new_rows n ON n.id = o.id
              WHERE o.status IS DISTINCT FROM n.status OR o.event_id IS DISTINCT FROM n.event_id
            )
            SELECT old_event AS event_id,
                   -(old_status = 'confirmed')::int AS confirmed, -(old_status = 'waitlisted')::int AS waitlisted,
                   -(old_status = 'cancelled')::int AS cancelled, 0 AS adults, 0 AS children, 0 AS checked_in
            FROM changed
            UNION ALL
            SELECT event_id, (status = 'confirmed')::int, (status = 'waitlisted')::int, (status = 'cancelled')::int, 0, 0, 0
            FROM changed
            UNION ALL
            -- Their attendees leave the confirmed persons of the old event, join those of the new.
            SELECT CASE WHEN s.sign < 0 THEN ch.old_event ELSE ch.event_id END, 0, 0, 0,
                   s.sign * (a.category = 'adult')::int, s.sign * (a.category = 'child')::int,
                   s.sign * (a.checked_in_at IS NOT NULL)::int
            FROM changed ch
            CROSS JOIN LATERAL (
              SELECT -1 AS sign WHERE ch.old_status = 'confirmed'
              UNION ALL SELECT 1 WHERE ch.status = 'confirmed'
            ) s
            JOIN registration_attendees a ON a.registration_id = ch.id
          `)}
        ELSE
          PERFORM event_counts_recount(array_agg(DISTINCT event_id)) FROM old_rows;
        END IF;
        RETURN NULL;
      END
      $$`);

    await queryRunner.query(`
      CREATE FUNCTION registration_attendees_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Each attendee counts by its registration's status now; one that lost its registration in
        -- this statement (a cascade) is left to the registrations' recount.
        IF TG_OP = 'INSERT' THEN
          ${add(`
            SELECT r.event_id, 0 AS confirmed, 0 AS waitlisted, 0 AS cancelled,
                   count(*) FILTER (WHERE a.category = 'adult') AS adults,
                   count(*) FILTER (WHERE a.category = 'child') AS children,
                   count(*) FILTER (WHERE a.checked_in_at IS NOT NULL) AS checked_in
            FROM new_rows a JOIN registrations r ON r.id = a.registration_id
            WHERE r.status = 'confirmed'
            GROUP BY r.event_id
          `)}
        ELSIF TG_OP = 'UPDATE' THEN
          ${add(`
            SELECT r.event_id, 0 AS confirmed, 0 AS waitlisted, 0 AS cancelled,
                   sum(a.sign * (a.category = 'adult')::int) AS adults,
                   sum(a.sign * (a.category = 'child')::int) AS children,
                   sum(a.sign * (a.checked_in_at IS NOT NULL)::int) AS checked_in
            FROM (
              SELECT registration_id, category, checked_in_at, 1 AS sign FROM new_rows
              UNION ALL
              SELECT registration_id, category, checked_in_at, -1 FROM old_rows
            ) a JOIN registrations r ON r.id = a.registration_id
            WHERE r.status = 'confirmed'
            GROUP BY r.event_id
          `)}
        ELSE
          ${add(`
            SELECT r.event_id, 0 AS confirmed, 0 AS waitlisted, 0 AS cancelled,
                   -count(*) FILTER (WHERE a.category = 'adult') AS adults,
                   -count(*) FILTER (WHERE a.category = 'child') AS children,
                   -count(*) FILTER (WHERE a.checked_in_at IS NOT NULL) AS checked_in
            FROM old_rows a JOIN registrations r ON r.id = a.registration_id
            WHERE r.status = 'confirmed'
            GROUP BY r.event_id
          `)}
        END IF;
        RETURN NULL;
      END
      $$`);

    // Transition tables need one trigger per operation (and no column list on UPDATE).
    for (const [table, fn] of [
      ['registrations', 'registrations_count'],
      ['registration_attendees', 'registration_attendees_count'],
    ]) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_count_insert AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_count_update AFTER UPDATE ON "${table}" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_count_delete AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
    }

    // Emptying the registrations empties the counts (reset-db truncates every table at once anyway).
    await queryRunner.query(`
      CREATE FUNCTION registrations_count_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM event_counts;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER registrations_count_truncate AFTER TRUNCATE ON "registrations" FOR EACH STATEMENT EXECUTE FUNCTION registrations_count_truncate()`,
    );

    // The events that already have registrations (the triggers' locks hold writers off until commit).
    await queryRunner.query(
      'SELECT event_counts_recount(array_agg(DISTINCT event_id)) FROM registrations HAVING count(*) > 0',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER registrations_count_truncate ON "registrations"`);
    await queryRunner.query('DROP FUNCTION registrations_count_truncate()');
    for (const table of ['registration_attendees', 'registrations']) {
      for (const op of ['insert', 'update', 'delete']) {
        await queryRunner.query(`DROP TRIGGER ${table}_count_${op} ON "${table}"`);
      }
    }
    await queryRunner.query('DROP FUNCTION registration_attendees_count()');
    await queryRunner.query('DROP FUNCTION registrations_count()');
    await queryRunner.query('DROP FUNCTION event_counts_recount(uuid[])');
    await queryRunner.query(`DROP INDEX "public"."registrations_event_seq_idx"`);
    await queryRunner.query(`ALTER TABLE "event_counts" DROP CONSTRAINT "FK_e6636f0cf5523e6d143dc067906"`);
    await queryRunner.query(`DROP TABLE "event_counts"`);
  }
}
