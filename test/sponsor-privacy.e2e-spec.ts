import { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { REDIS } from '../src/redis/redis.module';
import { SponsorshipScheduler } from '../src/sponsorships/sponsorship-mail.worker';
import { createSponsorship, createStudent, recordPayment, sponsorshipProgram, today } from './factories/sponsorship';
import { bearer, createUser, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { createWorker, FAST_MAIL } from './utils/create-worker';
import { waitUntil } from './utils/processes';
import { resetDb, resetQueues } from './utils/reset-db';
import { ReceivedMail, SmtpSink } from './utils/smtp-sink';

/**
 * What a sponsor receives, mail and answers alike, searched for every value she must never see
 * (DESIGN.md rule 6): the student's full name, region, school, guardian (name, relationship,
 * phone) and birth date, written in any format a template, a locale or a serializer could give it,
 * alone or inside a timestamp. The answers she gets are held to an allow-list of keys.
 */
const api = '/api/v1';

/** A birth date whose day and month no other date in this test can be mistaken for. */
function birthDate(): { iso: string; y: number; m: number; d: number } {
  const now = new Date();
  const m = ((now.getUTCMonth() + 6) % 12) + 1; // half a year away from today's month
  const avoid = new Set([now.getUTCDate() % 10, Math.floor(now.getUTCDate() / 10), 1, 5]); // today, the 15th (due dates)
  const d = [7, 8, 9, 6, 3].find((x) => !avoid.has(x))!;
  const y = 2012;
  return { iso: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, y, m, d };
}

/** Every way the birth date may be written: numeric orders, month names, each locale's formats, epoch time. */
function birthDateForms({ iso, y, m, d }: ReturnType<typeof birthDate>): string[] {
  const mm = String(m).padStart(2, '0');
  const dd = String(d).padStart(2, '0');
  const at = new Date(`${iso}T00:00:00Z`);
  const forms = [
    iso,
    `${iso}T00:00:00`,
    `${y}${mm}${dd}`,
    `${y}/${mm}/${dd}`,
    `${y}/${m}/${d}`,
    `${dd}/${mm}/${y}`,
    `${mm}/${dd}/${y}`,
    `${d}/${m}/${y}`,
    `${m}/${d}/${y}`,
    `${dd}.${mm}.${y}`,
    `${d}.${m}.${y}`,
    `${dd}-${mm}-${y}`,
    `${y}年${m}月${d}日`,
    String(at.getTime()),
    String(at.getTime() / 1000),
  ];
  const styles: Intl.DateTimeFormatOptions[] = [
    { dateStyle: 'full' },
    { dateStyle: 'long' },
    { dateStyle: 'medium' },
    { dateStyle: 'short' },
    { month: 'long', day: 'numeric' },
    { month: 'short', day: 'numeric' },
  ];
  for (const locale of ['en-GB', 'en-US', 'zh-CN', 'ne-NP', 'ne-NP-u-nu-latn']) {
    for (const style of styles) forms.push(new Intl.DateTimeFormat(locale, { ...style, timeZone: 'UTC' }).format(at));
  }
  // And with Nepali's Devanagari digits.
  const devanagari = (s: string) => s.replace(/[0-9]/g, (c) => '०१२३४५६७८९'[Number(c)]);
  return [...new Set([...forms, ...forms.map(devanagari)])];
}

/** Every key path of a JSON value, `[]` for array items. */
function keyPaths(v: unknown, at = ''): string[] {
  if (Array.isArray(v)) return [...new Set(v.flatMap((x) => keyPaths(x, `${at}[]`)))].sort();
  if (v === null || typeof v !== 'object') return [];
  return [
    ...new Set(
      Object.entries(v).flatMap(([k, x]) => {
        const path = at ? `${at}.${k}` : k;
        return [path, ...keyPaths(x, path)];
      }),
    ),
  ].sort();
}

const money = (at: string) => [at, `${at}.amount`, `${at}.currency`];
const report = (at: string) => [
  at,
  ...['id', 'term', 'gradeLevel', 'subjects', 'attendanceRate', 'promoted', 'summary', 'published', 'publishedAt'].map(
    (k) => `${at}.${k}`,
  ),
  `${at}.subjects[].name`,
  `${at}.subjects[].grade`,
];
const payments = (at: string) => [
  at,
  ...['id', 'amount', 'currency', 'receivedOn', 'method', 'reference'].map((k) => `${at}[].${k}`),
];

/** The keys of a sponsorship as its sponsor sees it (SponsorshipResponse), and nothing else. */
const SPONSORSHIP_KEYS = [
  'id',
  'programId',
  'sponsorUserId',
  'status',
  ...money('commitment'),
  'commitment.period',
  'startDate',
  'endDate',
  'endedOn',
  'student',
  ...['id', 'preferredName', 'age', 'country', 'gradeLevel', 'schoolTown'].map((k) => `student.${k}`),
  ...report('latestReport'),
  'paidToDate',
  'paidToDate[].amount',
  'paidToDate[].currency',
  ...money('due'),
  ...money('overdue'),
  'nextDueDate',
  'paidThisYear',
  'paidThisYear[].amount',
  'paidThisYear[].currency',
  'dues',
  ...['date', 'amount', 'currency', 'unpaid', 'overdue'].map((k) => `dues[].${k}`),
  ...payments('payments'),
  'createdAt',
].sort();

/** The keys of a statement (StatementResponse). */
const STATEMENT_KEYS = [
  'sponsorshipId',
  'year',
  'studentName',
  ...money('commitment'),
  'commitment.period',
  ...payments('payments'),
  'reports',
  ...report('reports[]').slice(1),
  'totals',
  'totals[].amount',
  'totals[].currency',
].sort();

function mailText(m: ReceivedMail): string {
  return [
    m.subject,
    m.parsed.text ?? '',
    typeof m.parsed.html === 'string' ? m.parsed.html : '',
    ...m.parsed.attachments.map((a) => a.content.toString('utf8')),
    JSON.stringify([...m.parsed.headers]),
  ].join('\n');
}

function leaks(text: string, forbidden: string[]): string[] {
  return forbidden.filter((v) => text.includes(v));
}

describe('what a sponsor sees of the student', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let worker: INestApplicationContext;
  let organizer: TestUser;
  let programId: string;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createApp({ RATE_LIMIT_DISABLED: 'true' });
    await resetDb(t.db);
    await resetQueues(t.app.get(REDIS));
    worker = await createWorker({ ...FAST_MAIL, SMTP_URL: sink.url });
    organizer = await createUser(t, ['organizer']);
    programId = (await sponsorshipProgram(t, organizer)).id;
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
    await sink.stop();
  });

  it('should keep her identity out of every sponsor mail (each language) and every answer, and answer only allowed keys', async () => {
    const born = birthDate();
    const identity = {
      fullName: 'Sunita Kumari Gurung',
      region: 'Gorkha Hills Privacy Region',
      school: { name: 'Shree Bhanubhakta Privacy School', town: 'Dhulikhel' },
      guardian: { name: 'Harka Bahadur Thapa', relationship: 'maternal uncle', phone: '+977 9841 555 019' },
    };
    const later = {
      fullName: 'Sunita Gurung Rai',
      region: 'Lamjung Valley Privacy Region',
      guardian: { name: 'Maya Devi Thapa', relationship: 'elder cousin', phone: '+977 9851 444 028' },
    };
    const forbidden = [
      identity.fullName,
      identity.region,
      identity.school.name,
      identity.guardian.name,
      'Harka',
      identity.guardian.relationship,
      identity.guardian.phone,
      '9841 555 019',
      ...birthDateForms(born),
      later.fullName,
      later.region,
      later.guardian.name,
      later.guardian.relationship,
      later.guardian.phone,
    ];

    const st = await createStudent(t, organizer, programId, {
      ...identity,
      preferredName: 'Suni',
      birthDate: born.iso,
      consents: [{ purpose: 'share_progress', grantedBy: 'Her uncle', grantedAt: '2025-01-10T00:00:00Z' }],
    });
    // Sponsors in each language, and one whose sponsorship ends before the record changes.
    const sponsors: { user: TestUser; locale: string; sponsorshipId: string }[] = [];
    for (const locale of ['en', 'zh-CN', 'ne', 'en']) {
      const user = await createUser(t, ['sponsor']);
      await t.db.query('UPDATE users SET locale = $2 WHERE id = $1', [user.id, locale]);
      const s = await createSponsorship(t, organizer, {
        studentId: st.id,
        sponsorUserId: user.id,
        programId,
        startDate: today(),
      });
      // A part paid: the reminder of today's due date still goes out.
      await recordPayment(t, organizer, s.id, { amount: 1000, reference: `PRIV-${sponsors.length}` });
      sponsors.push({ user, locale, sponsorshipId: s.id });
    }
    const former = sponsors[3];
    await request(t.http).post(`${api}/sponsorships/${former.sponsorshipId}/end`).set(bearer(organizer)).expect(200);
    await request(t.http).patch(`${api}/students/${st.id}`).set(bearer(organizer)).send(later).expect(200);
    const r = await request(t.http)
      .post(`${api}/students/${st.id}/reports`)
      .set(bearer(organizer))
      .send({
        term: 'Term 2',
        gradeLevel: 'Grade 8',
        subjects: [{ name: 'Science', grade: 'A' }],
        attendanceRate: 0.9,
        promoted: true,
        summary: 'Suni leads her science club.',
        published: true,
      })
      .expect(201);
    const year = Number(today().slice(0, 4));
    await worker.get(SponsorshipScheduler).planStatements(year);

    // Every mail due by now has reached its final state, and each kind reached each sponsor.
    const emails = sponsors.map((s) => s.user.email);
    await waitUntil(
      async () => {
        const [{ open }] = await t.db.query(
          `SELECT count(*)::int AS open FROM notifications
           WHERE recipient_email = ANY($1) AND next_attempt_at <= now() AND status NOT IN ('sent', 'skipped', 'failed')`,
          [emails],
        );
        return open === 0;
      },
      20_000,
      'the sponsors’ mail',
    );
    const sent: { id: string; recipient_email: string; kind: string }[] = await t.db.query(
      `SELECT id, recipient_email, kind FROM notifications WHERE recipient_email = ANY($1) AND status = 'sent'`,
      [emails],
    );
    for (const [i, s] of sponsors.entries()) {
      const kinds = sent.filter((x) => x.recipient_email === s.user.email).map((x) => x.kind);
      const expected = i < 3 ? ['sponsorship.payment_due', 'sponsorship.report_published'] : [];
      expect({ locale: s.locale, kinds: [...new Set(kinds)].sort() }).toMatchObject({
        locale: s.locale,
        kinds: expect.arrayContaining([...expected, 'sponsorship.annual_statement']),
      });
    }
    const mails = sink.received.filter((m) => emails.includes(m.to));
    expect(mails.length).toBe(sent.length);
    expect(mails.filter((m) => /[\u4e00-\u9fff]/.test(m.subject)).length).toBeGreaterThan(0);
    for (const m of mails) {
      expect({ to: m.to, subject: m.subject, leaks: leaks(mailText(m), forbidden) }).toEqual({
        to: m.to,
        subject: m.subject,
        leaks: [],
      });
      // Known by her preferred name only.
      if (sent.find((x) => x.id === m.notificationId)?.kind.startsWith('sponsorship.')) {
        expect(mailText(m)).toContain('Suni');
      }
    }

    // The answers each sponsor gets: the list, the sponsorship, the statement (JSON and CSV).
    for (const s of sponsors) {
      const as = bearer(s.user);
      const mine = await request(t.http).get(`${api}/me/sponsorships`).set(as).expect(200);
      const one = await request(t.http).get(`${api}/sponsorships/${s.sponsorshipId}`).set(as).expect(200);
      const statement = await request(t.http)
        .get(`${api}/sponsorships/${s.sponsorshipId}/statement?year=${year}`)
        .set(as)
        .expect(200);
      const csv = await request(t.http)
        .get(`${api}/sponsorships/${s.sponsorshipId}/statement?year=${year}&format=csv`)
        .set(as)
        .expect(200);
      const reports = await request(t.http).get(`${api}/sponsorships/${s.sponsorshipId}/reports`).set(as).expect(200);
      for (const [what, text] of [
        ['/sponsorships/:id/reports', JSON.stringify(reports.body)],
        ['/me/sponsorships', JSON.stringify(mine.body)],
        ['/sponsorships/:id', JSON.stringify(one.body)],
        ['statement', JSON.stringify(statement.body)],
        ['statement.csv', csv.text],
      ]) {
        expect({ sponsor: s.locale, what, leaks: leaks(text, forbidden) }).toEqual({
          sponsor: s.locale,
          what,
          leaks: [],
        });
      }
      const active = s !== former;
      // Allow-listed keys, every one of them present (the report while the sponsorship runs).
      const keys = active ? SPONSORSHIP_KEYS : SPONSORSHIP_KEYS.filter((k) => !k.startsWith('latestReport.'));
      expect(keyPaths(one.body)).toEqual(keys);
      expect(keyPaths(mine.body.items[0])).toEqual(keys);
      expect(keyPaths(statement.body)).toEqual(
        active ? STATEMENT_KEYS : STATEMENT_KEYS.filter((k) => !k.startsWith('reports[]')),
      );
      expect(one.body.student).toMatchObject({ preferredName: 'Suni', schoolTown: 'Dhulikhel' });
      expect(one.body.latestReport?.id ?? null).toBe(active ? r.body.id : null);
    }
  }, 40_000);
});
