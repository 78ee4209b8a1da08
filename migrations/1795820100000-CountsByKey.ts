import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The counters' triggers look up the registration of each attendee written (and the attendees of
 * each registration whose status changed) by key, one by one, whatever the tables' statistics
 * say. Joined plainly, statistics read while the tables were small (a new platform's first busy
 * event) made the planner scan the whole registrations table for each statement. OFFSET 0 keeps
 * each lookup a subquery of its own, so it can only be planned by its key.
 *
 * The functions are otherwise unchanged: their definitions are rewritten in place, and the
 * migration refuses to run if a join it rewrites is not found as written.
 */
const REWRITES: { fn: string; from: string; to: string; times: number }[] = [
  {
    fn: 'registration_attendees_count()',
    from: 'JOIN registrations r ON r.id = a.registration_id',
    to: 'CROSS JOIN LATERAL (SELECT event_id, status FROM registrations WHERE id = a.registration_id OFFSET 0) r',
    times: 3,
  },
  {
    fn: 'registrations_count()',
    from: 'JOIN registration_attendees a ON a.registration_id = ch.id',
    to: 'CROSS JOIN LATERAL (SELECT category, checked_in_at FROM registration_attendees WHERE registration_id = ch.id OFFSET 0) a',
    times: 1,
  },
];

async function rewrite(queryRunner: QueryRunner, fn: string, from: string, to: string, times: number): Promise<void> {
  const [{ def }]: { def: string }[] = await queryRunner.query(`SELECT pg_get_functiondef($1::regprocedure) AS def`, [
    fn,
  ]);
  const found = def.split(from).length - 1;
  if (found !== times) throw new Error(`${fn}: expected ${times} × "${from}", found ${found}`);
  await queryRunner.query(def.split(from).join(to));
}

export class CountsByKey1795820100000 implements MigrationInterface {
  name = 'CountsByKey1795820100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const r of REWRITES) await rewrite(queryRunner, r.fn, r.from, r.to, r.times);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const r of REWRITES) await rewrite(queryRunner, r.fn, r.to, r.from, r.times);
  }
}
