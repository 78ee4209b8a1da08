import { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { PasswordResetService } from '../src/auth/password-reset.service';
import { Outbox } from '../src/notifications/outbox';
import { REDIS } from '../src/redis/redis.module';
import { bearer, createUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { createWorker, FAST_MAIL } from './utils/create-worker';
import { expectProblem } from './utils/problem';
import { resetDb, resetQueues, resetRateLimits } from './utils/reset-db';
import { ReceivedMail, SmtpSink } from './utils/smtp-sink';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CJK = /[\u4e00-\u9fff]/;
const DEVANAGARI = /[\u0900-\u097f]/;
const RESET_LINK = /http:\/\/kinship\.test\/reset-password\?lang=[A-Za-z-]+#token=([A-Za-z0-9%._-]+)/;
let seq = 0;
const uniqueEmail = (tag: string) => `${tag}${++seq}-${Date.now()}@example.org`;

/** The mails `address` has received, once there are `count` of them. */
async function mailsTo(sink: SmtpSink, address: string, count = 1, timeoutMs = 15_000): Promise<ReceivedMail[]> {
  const until = Date.now() + timeoutMs;
  while (sink.to(address).length < count) {
    if (Date.now() > until) throw new Error(`expected ${count} mail(s) to ${address}, got ${sink.to(address).length}`);
    await sleep(25);
  }
  return sink.to(address);
}

/** The whole mail as text (plain part and HTML), to look for links and words. */
function textOf(mail: ReceivedMail): string {
  return `${mail.parsed.text ?? ''}\n${typeof mail.parsed.html === 'string' ? mail.parsed.html : ''}`;
}

function tokenIn(mail: ReceivedMail): string {
  const m = RESET_LINK.exec(mail.parsed.text ?? '');
  if (!m) throw new Error(`no reset link in: ${mail.parsed.text}`);
  return decodeURIComponent(m[1]);
}

describe('account mail (welcome, password reset)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let worker: INestApplicationContext;
  let resets: PasswordResetService;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createApp({ PASSWORD_RESET_MAX_PER_HOUR: '3' });
    await resetDb(t.db);
    await resetQueues(t.app.get(REDIS));
    resets = t.app.get(PasswordResetService);
    worker = await createWorker({ ...FAST_MAIL, SMTP_URL: sink.url });
  }, 30_000);
  beforeEach(async () => {
    sink.reset();
    await resetRateLimits(t.app.get(REDIS));
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await sink?.stop();
  });

  const signup = (email: string, locale?: string, name = 'Mei Chen') =>
    request(t.http)
      .post('/api/v1/auth/signup')
      .send({ email, password: 'correct horse battery', name, ...(locale ? { locale } : {}) });
  const askReset = (email: string) => request(t.http).post('/api/v1/auth/password-reset').send({ email });
  const confirm = (token: string, password: string) =>
    request(t.http).post('/api/v1/auth/password-reset/confirm').send({ token, password });

  /** Asks for a reset of an account and answers the token its (new) mail carries. */
  async function resetTokenFor(email: string): Promise<string> {
    const resetMails = () => sink.to(email).filter((m) => RESET_LINK.test(m.parsed.text ?? ''));
    const before = resetMails().length;
    await askReset(email).expect(202);
    const until = Date.now() + 15_000;
    while (resetMails().length <= before) {
      if (Date.now() > until) throw new Error(`no reset mail arrived for ${email}`);
      await sleep(25);
    }
    return tokenIn(resetMails()[before]);
  }

  describe('POST /auth/signup', () => {
    it.each([['en'], ['zh-CN'], ['ne']])(
      'should send one welcome mail in the signup locale (%s), its links in that language',
      async (locale) => {
        const email = uniqueEmail(`welcome-${locale.toLowerCase()}-`);
        const res = await signup(email, locale).expect(201);
        const [mail] = await mailsTo(sink, email);
        expect(mail.to).toBe(email);
        expect(mail.parsed.text).toContain('Mei Chen');
        expect(mail.parsed.text).toContain(`http://kinship.test/events?lang=${locale}`);
        expect(mail.parsed.text).toContain(`http://kinship.test/?lang=${locale}`);
        expect(textOf(mail)).toContain(`href="http://kinship.test/events?lang&#x3D;${locale}"`);
        expect(CJK.test(`${mail.subject}\n${mail.parsed.text}`)).toBe(locale === 'zh-CN');
        expect(DEVANAGARI.test(`${mail.subject}\n${mail.parsed.text}`)).toBe(locale === 'ne');
        const [row] = await t.db.query('SELECT * FROM notifications WHERE dedupe_key = $1', [
          `user:${res.body.user.id}:welcome`,
        ]);
        expect(row).toMatchObject({ kind: 'account.welcome', locale, recipient_email: email });
        expect(row.payload).toEqual({ userId: res.body.user.id });
        expect(mail.notificationId).toBe(row.id);
        await sleep(500);
        expect(sink.to(email)).toHaveLength(1);
      },
      30_000,
    );

    it('should write no mail when the email is taken (409)', async () => {
      const email = uniqueEmail('taken-');
      await signup(email).expect(201);
      await mailsTo(sink, email);
      expectProblem(await signup(email.toUpperCase(), 'zh-CN', 'Someone Else'), 409, 'email_taken');
      const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM notifications WHERE recipient_email = $1', [
        email,
      ]);
      expect(n).toBe(1);
      await sleep(500);
      expect(sink.to(email)).toHaveLength(1);
    }, 30_000);

    it('should skip the welcome mail of an account deleted before it was sent', async () => {
      const outbox = t.app.get(Outbox);
      const id = await t.db.transaction((m) =>
        outbox.enqueue(m, {
          kind: 'account.welcome',
          to: { email: 'gone@example.org', name: 'Gone' },
          locale: 'en',
          payload: { userId: '00000000-0000-4000-8000-000000000000' },
          dedupeKey: `test:welcome-gone:${Date.now()}`,
        }),
      );
      await waitForStatus(t, id!, 'skipped');
      expect(sink.to('gone@example.org')).toHaveLength(0);
    }, 30_000);
  });

  describe('POST /auth/password-reset and /confirm', () => {
    it('should mail a link whose token sets the password once and ends older sessions', async () => {
      const u = await createUser(t, ['family'], { email: uniqueEmail('reset-') });
      await mailsTo(sink, u.email); // the welcome mail
      const res = await askReset(u.email.toUpperCase()).expect(202);
      expect(res.body).toEqual({ message: expect.any(String) });
      const mails = await mailsTo(sink, u.email, 2);
      const mail = mails[1];
      const token = tokenIn(mail);
      const [reset] = await t.db.query('SELECT * FROM password_resets WHERE user_id = $1', [u.id]);
      expect(token.startsWith(`${reset.id}.`)).toBe(true);
      expect(reset.expires_at.getTime() - reset.created_at.getTime()).toBeCloseTo(3600_000, -4);
      // The outbox row carries the reset id only: the token is recomputed when the mail is sent.
      const [row] = await t.db.query('SELECT payload, locale FROM notifications WHERE dedupe_key = $1', [
        `password-reset:${reset.id}`,
      ]);
      expect(row.payload).toEqual({ resetId: reset.id });
      expect(JSON.stringify(row)).not.toContain(token.split('.')[1]);

      await confirm(token, 'a brand new password').expect(204);
      await request(t.http)
        .post('/api/v1/auth/login')
        .send({ email: u.email, password: 'a brand new password' })
        .expect(200);
      expectProblem(
        await request(t.http).post('/api/v1/auth/login').send({ email: u.email, password: u.password }),
        401,
        'unauthenticated',
      );
      expectProblem(await request(t.http).get('/api/v1/me').set(bearer(u)), 401, 'unauthenticated');

      const again = expectProblem(await confirm(token, 'yet another password'), 400, 'invalid_request');
      expect(again.errors).toEqual([{ field: 'token', message: expect.any(String) }]);
      const [used] = await t.db.query('SELECT used_at FROM password_resets WHERE id = $1', [reset.id]);
      expect(used.used_at).toBeInstanceOf(Date);
    }, 30_000);

    it.each([
      ['zh-CN', CJK],
      ['ne', DEVANAGARI],
    ])(
      'should write the mail in the account locale (%s), the link in it too',
      async (locale, script) => {
        const email = uniqueEmail(`reset-${locale.toLowerCase()}-`);
        await signup(email, locale).expect(201);
        await mailsTo(sink, email);
        await askReset(email).expect(202);
        const [, mail] = await mailsTo(sink, email, 2);
        expect(script.test(`${mail.subject}\n${mail.parsed.text}`)).toBe(true);
        expect(mail.parsed.text).toMatch(RESET_LINK);
        const link = new URL(/http:\/\/kinship\.test\/reset-password\S+/.exec(mail.parsed.text ?? '')![0]);
        expect(link.searchParams.get('lang')).toBe(locale);
        expect(link.searchParams.has('token')).toBe(false);
        expect(new URLSearchParams(link.hash.slice(1)).get('token')).toBe(tokenIn(mail));
      },
      30_000,
    );

    it('should answer an unknown email the same way, and write and send nothing', async () => {
      const known = await createUser(t, ['family'], { email: uniqueEmail('known-') });
      const a = await askReset(known.email).expect(202);
      const b = await askReset('nobody-here@example.org').expect(202);
      expect(b.body).toEqual(a.body);
      expect(b.headers['content-type']).toBe(a.headers['content-type']);
      await resets.settled();
      expect(
        await t.db.query('SELECT 1 FROM notifications WHERE recipient_email = $1', ['nobody-here@example.org']),
      ).toEqual([]);
      const [{ n }] = await t.db.query(
        'SELECT count(*)::int AS n FROM password_resets r JOIN users u ON u.id = r.user_id WHERE u.email = $1',
        [known.email],
      );
      expect(n).toBe(1);
      await sleep(800);
      expect(sink.to('nobody-here@example.org')).toHaveLength(0);
    }, 30_000);

    it('should refuse an expired token', async () => {
      const u = await createUser(t, ['family'], { email: uniqueEmail('expired-') });
      const token = await resetTokenFor(u.email);
      await t.db.query("UPDATE password_resets SET expires_at = now() - interval '1 minute' WHERE id = $1", [
        token.split('.')[0],
      ]);
      const res = expectProblem(await confirm(token, 'a brand new password'), 400, 'invalid_request');
      expect(res.errors?.map((e) => e.field)).toEqual(['token']);
      await request(t.http).post('/api/v1/auth/login').send({ email: u.email, password: u.password }).expect(200);
    }, 30_000);

    it('should refuse a tampered or malformed token', async () => {
      const u = await createUser(t, ['family'], { email: uniqueEmail('tamper-') });
      const token = await resetTokenFor(u.email);
      const [id, sig] = token.split('.');
      const flipped = `${id}.${sig.slice(0, 5)}${sig[5] === 'A' ? 'B' : 'A'}${sig.slice(6)}`;
      const otherId = `${id.slice(0, -1)}${id.endsWith('0') ? '1' : '0'}.${sig}`;
      for (const bad of [flipped, otherId, id, 'not-a-token', `${token}x`]) {
        const res = expectProblem(await confirm(bad, 'a brand new password'), 400, 'invalid_request');
        expect(res.errors?.map((e) => e.field)).toEqual(['token']);
      }
      // The genuine token still works.
      await confirm(token, 'a brand new password').expect(204);
    }, 30_000);

    it('should refuse a weak password without using the token', async () => {
      const u = await createUser(t, ['family'], { email: uniqueEmail('weak-') });
      const token = await resetTokenFor(u.email);
      const res = expectProblem(await confirm(token, 'short'), 400, 'invalid_request');
      expect(res.errors?.map((e) => e.field)).toEqual(['password']);
      await confirm(token, 'now long enough').expect(204);
    }, 30_000);

    it('should let only one of two simultaneous confirms succeed', async () => {
      const u = await createUser(t, ['family'], { email: uniqueEmail('race-') });
      const token = await resetTokenFor(u.email);
      const answers = await Promise.all([confirm(token, 'first new password'), confirm(token, 'second new password')]);
      expect(answers.map((r) => r.status).sort()).toEqual([204, 400]);
      const [{ token_version }] = await t.db.query('SELECT token_version FROM users WHERE id = $1', [u.id]);
      expect(token_version).toBe(1);
    }, 30_000);

    it("should revoke the account's other outstanding links once one is used", async () => {
      const u = await createUser(t, ['family'], { email: uniqueEmail('revoke-') });
      const first = await resetTokenFor(u.email);
      const second = await resetTokenFor(u.email);
      expect(second).not.toBe(first);
      await confirm(second, 'a brand new password').expect(204);
      expectProblem(await confirm(first, 'another new password'), 400, 'invalid_request');
    }, 30_000);

    it('should skip the mail of a reset used or expired before it was sent', async () => {
      const u = await createUser(t, ['family'], { email: uniqueEmail('stale-') });
      const outbox = t.app.get(Outbox);
      const ids: string[] = [];
      for (const state of ['used_at = now()', "expires_at = now() - interval '1 second'"]) {
        const [reset] = await t.db.query(
          "INSERT INTO password_resets (user_id, expires_at) VALUES ($1, now() + interval '1 hour') RETURNING id",
          [u.id],
        );
        await t.db.query(`UPDATE password_resets SET ${state} WHERE id = $1`, [reset.id]);
        ids.push(
          (await t.db.transaction((m) =>
            outbox.enqueue(m, {
              kind: 'account.password_reset',
              to: { email: u.email },
              locale: 'en',
              payload: { resetId: reset.id },
              dedupeKey: `password-reset:${reset.id}`,
            }),
          ))!,
        );
      }
      for (const id of ids) await waitForStatus(t, id, 'skipped');
      await sleep(300);
      expect(sink.to(u.email).filter((m) => RESET_LINK.test(m.parsed.text ?? ''))).toHaveLength(0);
    }, 30_000);

    it('should keep answering 202 past the hourly limit, and send nothing more', async () => {
      const u = await createUser(t, ['family'], { email: uniqueEmail('limit-') });
      await mailsTo(sink, u.email);
      for (let i = 0; i < 5; i++) {
        const res = await askReset(i % 2 ? u.email.toUpperCase() : u.email);
        expect(res.status).toBe(202);
      }
      await resets.settled();
      await mailsTo(sink, u.email, 4);
      await sleep(1000);
      expect(sink.to(u.email)).toHaveLength(4); // the welcome mail and three resets
      const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM password_resets WHERE user_id = $1', [u.id]);
      expect(n).toBe(3);
    }, 30_000);
  });
});

async function waitForStatus(t: TestApp, id: string, status: string, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await t.db.query('SELECT status, last_error FROM notifications WHERE id = $1', [id]);
    if (row?.status === status) return row;
    if (Date.now() > until) throw new Error(`row ${id} is ${row?.status} (${row?.last_error}), not ${status}`);
    await sleep(50);
  }
}
