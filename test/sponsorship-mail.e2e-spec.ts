import { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { REDIS } from '../src/redis/redis.module';
import { SponsorshipScheduler } from '../src/sponsorships/sponsorship-mail.worker';
import { createSponsorship, createStudent, recordPayment, sponsorshipProgram, today } from './factories/sponsorship';
import { bearer, createUser, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { createWorker, FAST_MAIL } from './utils/create-worker';
import { expectProblem } from './utils/problem';
import { settled, statuses } from './utils/outbox';
import { resetDb, resetQueues } from './utils/reset-db';
import { SmtpSink } from './utils/smtp-sink';

const api = '/api/v1';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const report = (term: string, published = false) => ({
  term,
  gradeLevel: 'Grade 8',
  subjects: [
    { name: 'Mathematics', grade: 'A' },
    { name: 'Nepali', grade: 'B+' },
  ],
  attendanceRate: 0.96,
  promoted: true,
  summary: 'Asha is doing well.',
  published,
});

/** Sponsorship mail through the real outbox, worker and an SMTP server: reminders, reports, statements. */
describe('sponsorship mail', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let worker: INestApplicationContext | undefined;
  let organizer: TestUser;
  let programId: string;

  const startWorker = async () => {
    worker = await createWorker({ ...FAST_MAIL, SMTP_URL: sink.url });
    return worker;
  };
  const mailsTo = (u: TestUser, re: RegExp) => sink.to(u.email).filter((m) => re.test(m.subject));

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createApp({ RATE_LIMIT_DISABLED: 'true' });
    await resetDb(t.db);
    await resetQueues(t.app.get(REDIS));
    organizer = await createUser(t, ['organizer']);
    programId = (await sponsorshipProgram(t, organizer)).id;
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
    await sink.stop();
  });

  it('should mail a payment reminder once per due date, skip one paid by then, and plan the next ones', async () => {
    const paid = await createUser(t, ['sponsor']);
    const unpaid = await createUser(t, ['sponsor']);
    const st = await createStudent(t, organizer, programId);
    const s1 = await createSponsorship(t, organizer, { studentId: st.id, sponsorUserId: paid.id, programId });
    const s2 = await createSponsorship(t, organizer, {
      studentId: st.id,
      sponsorUserId: unpaid.id,
      programId,
      commitment: { amount: 12550, currency: 'USD', period: 'term' },
    });
    await recordPayment(t, organizer, s1.id, { amount: 3000 });
    const planned = await t.db.query(
      `SELECT dedupe_key FROM notifications WHERE kind = 'sponsorship.payment_due' AND payload->>'sponsorshipId' = $1 ORDER BY next_attempt_at`,
      [s2.id],
    );
    expect(planned.map((r: { dedupe_key: string }) => r.dedupe_key)[0]).toBe(`sponsorship:${s2.id}:due:${today()}`);
    expect(planned.length).toBeGreaterThanOrEqual(3);

    const w = await startWorker();
    const scheduler = w.get(SponsorshipScheduler);
    await scheduler.run();
    await scheduler.run();
    const dueToday = (id: string) => `sponsorship:${id}:due:${today()}`;
    // The paid one ends skipped, the unpaid one sent (so its mail is at the server by now).
    expect(statuses(await settled(t.db, [dueToday(s1.id), dueToday(s2.id)]))).toEqual({
      [dueToday(s1.id)]: 'skipped',
      [dueToday(s2.id)]: 'sent',
    });
    const reminders = mailsTo(unpaid, /payment due/i);
    expect(reminders).toHaveLength(1);
    expect(reminders[0].parsed.text).toContain('125.50');
    expect(reminders[0].parsed.text).toContain(`http://kinship.test/me/sponsorships/${s2.id}?lang=en`);
    expect(reminders[0].parsed.text).toContain(st.preferredName);
    expect(reminders[0].parsed.text).not.toContain(st.fullName);
    expect(mailsTo(paid, /payment due/i)).toHaveLength(0);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE dedupe_key = $1`, [
      `sponsorship:${s2.id}:due:${today()}`,
    ]);
    expect(n).toBe(1);
  }, 30_000);

  it('should mail each active sponsor a published report while consent holds, and hide reports at once when withdrawn', async () => {
    const active = await createUser(t, ['sponsor']);
    const ended = await createUser(t, ['sponsor']);
    const st = await createStudent(t, organizer, programId);
    const a = await createSponsorship(t, organizer, { studentId: st.id, sponsorUserId: active.id, programId });
    const e = await createSponsorship(t, organizer, { studentId: st.id, sponsorUserId: ended.id, programId });
    await request(t.http).post(`${api}/sponsorships/${e.id}/end`).set(bearer(organizer)).expect(200);

    const draft = await request(t.http)
      .post(`${api}/students/${st.id}/reports`)
      .set(bearer(organizer))
      .send(report('2026 Term 1'))
      .expect(201);
    expect(draft.body).toMatchObject({ published: false, publishedAt: null, attendanceRate: 0.96 });
    let mine = await request(t.http).get(`${api}/me/sponsorships`).set(bearer(active)).expect(200);
    expect(mine.body.items[0].latestReport).toBeNull(); // drafts are not shown
    const published = await request(t.http)
      .post(`${api}/students/${st.id}/reports/${draft.body.id}/publish`)
      .set(bearer(organizer))
      .expect(200);
    expect(published.body.published).toBe(true);
    expectProblem(
      await request(t.http).post(`${api}/students/${st.id}/reports/${draft.body.id}/publish`).set(bearer(organizer)),
      409,
      'invalid_transition',
    );
    // Written with the publish, for each active sponsor only: the ended one has no row at all.
    const reportRows = async (reportId: string) =>
      (await t.db.query(`SELECT dedupe_key FROM notifications WHERE dedupe_key LIKE $1`, [`report:${reportId}:%`])).map(
        (r: { dedupe_key: string }) => r.dedupe_key,
      );
    const toActive = `report:${draft.body.id}:published:${a.id}`;
    expect(await reportRows(draft.body.id)).toEqual([toActive]);
    expect(statuses(await settled(t.db, [toActive]))).toEqual({ [toActive]: 'sent' });
    const reportMails = mailsTo(active, /progress report/i);
    expect(reportMails).toHaveLength(1);
    expect(reportMails[0].parsed.text).toContain('2026 Term 1');
    expect(reportMails[0].parsed.text).toMatch(
      new RegExp(`http://kinship\\.test/me/sponsorships/[0-9a-f-]{36}/reports/${draft.body.id}\\?lang=en`),
    );
    expect(reportMails[0].parsed.text).not.toContain(st.fullName);
    expect(mailsTo(ended, /progress report/i)).toHaveLength(0);
    mine = await request(t.http).get(`${api}/me/sponsorships`).set(bearer(active)).expect(200);
    expect(mine.body.items[0].latestReport).toMatchObject({
      term: '2026 Term 1',
      subjects: [
        { name: 'Mathematics', grade: 'A' },
        { name: 'Nepali', grade: 'B+' },
      ],
    });

    // Withdrawn: no report at all from now on, and no mail for a new one.
    await request(t.http)
      .post(`${api}/students/${st.id}/consents/share_progress/withdraw`)
      .set(bearer(organizer))
      .expect(200);
    mine = await request(t.http).get(`${api}/me/sponsorships`).set(bearer(active)).expect(200);
    expect(mine.body.items[0].latestReport).toBeNull();
    const year = new Date().getUTCFullYear();
    const statement = await request(t.http)
      .get(`${api}/sponsorships/${mine.body.items[0].id}/statement?year=${year}`)
      .set(bearer(active))
      .expect(200);
    expect(statement.body.reports).toEqual([]);
    const second = await request(t.http)
      .post(`${api}/students/${st.id}/reports`)
      .set(bearer(organizer))
      .send(report('2026 Term 2', true))
      .expect(201);
    expect(await reportRows(second.body.id)).toEqual([]); // published without consent: no mail planned
    expect(mailsTo(active, /progress report/i)).toHaveLength(1);
    expectProblem(
      await request(t.http).post(`${api}/students/${st.id}/consents/share_progress/withdraw`).set(bearer(organizer)),
      409,
      'invalid_transition',
    );
    expectProblem(
      await request(t.http).post(`${api}/students/${st.id}/consents/gossip/withdraw`).set(bearer(organizer)),
      404,
      'not_found',
    );

    // Granted again, then expiring: the reports show, then vanish when it expires.
    await request(t.http)
      .post(`${api}/students/${st.id}/consents`)
      .set(bearer(organizer))
      .send({
        purpose: 'share_progress',
        grantedBy: 'Sita (mother)',
        grantedAt: new Date(Date.now() - 1000).toISOString(),
        expiresAt: new Date(Date.now() + 1500).toISOString(),
      })
      .expect(201);
    mine = await request(t.http).get(`${api}/me/sponsorships`).set(bearer(active)).expect(200);
    expect(mine.body.items[0].latestReport).toMatchObject({ term: '2026 Term 2' });
    await sleep(1700);
    mine = await request(t.http).get(`${api}/me/sponsorships`).set(bearer(active)).expect(200);
    expect(mine.body.items[0].latestReport).toBeNull();
  }, 30_000);

  it('should mail each sponsor last year’s statement once at the start of a year', async () => {
    const sponsor = await createUser(t, ['sponsor']);
    const st = await createStudent(t, organizer, programId);
    const s = await createSponsorship(t, organizer, {
      studentId: st.id,
      sponsorUserId: sponsor.id,
      programId,
      startDate: '2025-01-15',
    });
    await recordPayment(t, organizer, s.id, { amount: 12550, receivedOn: '2025-03-01' });
    await recordPayment(t, organizer, s.id, { amount: 3000, currency: 'JPY', receivedOn: '2025-04-01' });
    const scheduler = (worker ?? (await startWorker())).get(SponsorshipScheduler);
    expect((await scheduler.run('2025-06-01')).statements).toBe(0);
    const first = await scheduler.run('2026-01-05');
    const second = await scheduler.run('2026-01-06');
    expect(first.statements).toBeGreaterThanOrEqual(1);
    expect(second.statements).toBe(0);
    const statement = `sponsorship:${s.id}:statement:2025`;
    expect(statuses(await settled(t.db, [statement]))).toEqual({ [statement]: 'sent' });
    const statements = mailsTo(sponsor, /statement/i);
    expect(statements).toHaveLength(1);
    expect(statements[0].subject).toContain('2025');
    expect(statements[0].parsed.text).toContain(
      `http://kinship.test/me/sponsorships/${s.id}/statement?year=2025&lang=en`,
    );
    expect(statements[0].parsed.text).toContain(st.preferredName);
    expect(statements[0].parsed.text).not.toContain(st.fullName);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE dedupe_key LIKE $1`, [
      `sponsorship:${s.id}:statement:%`,
    ]);
    expect(n).toBe(1);
  }, 30_000);
});
