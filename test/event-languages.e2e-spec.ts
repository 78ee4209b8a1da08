import { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { REDIS } from '../src/redis/redis.module';
import { createPublishedEvent, daysFromNow, eventBody } from './factories/events';
import { adult, child, register } from './factories/registrations';
import { admin as makeAdmin, bearer, createUser, family, organizer, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { createWorker, FAST_MAIL } from './utils/create-worker';
import { expectProblem, fieldsOf } from './utils/problem';
import { resetDb, resetQueues } from './utils/reset-db';
import { ReceivedMail, SmtpSink } from './utils/smtp-sink';

const NE = {
  title: 'पारिवारिक दिवस २०९९',
  description: 'खेल, कथावाचन र सँगै खाना: सम्पूर्ण परिवारका लागि रमाइलो दिन।',
  venue: 'सामुदायिक भवन, १ मुख्य सडक',
};
const ZH = { title: '家庭日 2099', summary: '全家同乐的一天' };
const BASE = {
  title: 'Family Day 2099',
  summary: 'Games, food and music for the whole family',
  description: 'A day out for every family.',
  venue: 'Community Hall, 1 Main Street',
};

/** Every web link of a mail (text and HTML), decoded. */
function linksOf(mail: ReceivedMail): string[] {
  const html = typeof mail.parsed.html === 'string' ? mail.parsed.html : '';
  const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&#x3D;/g, '=').replace(/&amp;/g, '&'));
  const inText = (mail.parsed.text ?? '').match(/https?:\/\/[^\s)]+/g) ?? [];
  return [...hrefs, ...inText];
}

describe('event languages', () => {
  let t: TestApp;
  let org: TestUser;
  let other: TestUser;
  let adm: TestUser;
  let fam: TestUser;

  const api = () => request(t.http);
  const post = (who: TestUser, body: Record<string, unknown>) =>
    api().post('/api/v1/events').set(bearer(who)).send(body);
  const patch = (who: TestUser, id: string, body: Record<string, unknown>) =>
    api().patch(`/api/v1/events/${id}`).set(bearer(who)).send(body);
  const read = (idOrSlug: string, query = '') => api().get(`/api/v1/events/${idOrSlug}${query}`);

  /** A published event written in English, translated into Nepali fully and into Chinese in part. */
  const translatedEvent = (overrides: Record<string, unknown> = {}) =>
    createPublishedEvent(t, org, { ...BASE, translations: { ne: NE, 'zh-CN': ZH }, ...overrides });

  beforeAll(async () => {
    t = await createApp();
    await resetDb(t.db);
    org = await organizer(t);
    other = await organizer(t);
    adm = await makeAdmin(t);
    fam = await family(t);
  });
  afterAll(async () => t?.close());

  describe('POST and PATCH /events with translations', () => {
    it('should store the content language and the translations, and show them to the organizer', async () => {
      const res = await post(org, eventBody({ ...BASE, translations: { ne: NE, 'zh-CN': ZH } })).expect(201);
      expect(res.body).toMatchObject({
        ...BASE,
        contentLocale: 'en',
        locale: 'en',
        availableLocales: ['en', 'zh-CN', 'ne'],
        base: BASE,
        translations: { ne: NE, 'zh-CN': ZH },
      });
      const [row] = await t.db.query('SELECT content_locale, translations FROM events WHERE id = $1', [res.body.id]);
      expect(row).toEqual({ content_locale: 'en', translations: { ne: NE, 'zh-CN': ZH } });
    });

    it('should take an event written in Nepali, its slug made from the English translation', async () => {
      const res = await post(
        org,
        eventBody({
          contentLocale: 'ne',
          title: 'विज्ञान कार्यशाला',
          summary: 'छात्राहरूका लागि',
          translations: { en: { title: 'Science Workshop' }, 'zh-CN': { title: '科学工作坊' } },
        }),
      ).expect(201);
      // The organizer's account is in English: the answer is, the base fields stay as written.
      expect(res.body).toMatchObject({
        slug: expect.stringMatching(/^science-workshop/),
        contentLocale: 'ne',
        locale: 'en',
        title: 'Science Workshop',
        summary: 'छात्राहरूका लागि',
        base: { title: 'विज्ञान कार्यशाला', summary: 'छात्राहरूका लागि' },
        availableLocales: ['en', 'zh-CN', 'ne'],
      });
      const ne = await read(res.body.slug, '?lang=ne').set(bearer(org)).expect(200);
      expect(ne.body).toMatchObject({ locale: 'ne', title: 'विज्ञान कार्यशाला' });
    });

    it('should trim translated text and drop blank fields and empty translations', async () => {
      const res = await post(
        org,
        eventBody({
          translations: { ne: { title: '  शीर्षक  ', summary: '   ', venue: null }, 'zh-CN': { title: '' } },
        }),
      ).expect(201);
      expect(res.body.translations).toEqual({ ne: { title: 'शीर्षक' } });
      expect(res.body.availableLocales).toEqual(['en', 'ne']);
    });

    it('should replace a locale given in a PATCH, remove one sent as null and keep the others', async () => {
      const event = await translatedEvent();
      const res = await patch(org, event.id, { translations: { 'zh-CN': { title: '新家庭日' }, ne: null } }).expect(
        200,
      );
      expect(res.body.translations).toEqual({ 'zh-CN': { title: '新家庭日' } });
      expect(res.body.availableLocales).toEqual(['en', 'zh-CN']);
      const kept = await patch(org, event.id, { capacity: 50 }).expect(200);
      expect(kept.body.translations).toEqual({ 'zh-CN': { title: '新家庭日' } });
    });

    it('should change the content language with the base fields, refusing a translation in it', async () => {
      const event = await translatedEvent();
      const clash = await patch(org, event.id, { contentLocale: 'ne' });
      expect(fieldsOf(clash)).toEqual(['translations.ne']);
      expectProblem(clash, 400, 'invalid_request');
      const res = await patch(org, event.id, {
        contentLocale: 'ne',
        ...NE,
        summary: 'परिवारका लागि',
        translations: { ne: null, en: BASE },
      }).expect(200);
      expect(res.body).toMatchObject({
        contentLocale: 'ne',
        locale: 'en',
        title: BASE.title,
        base: { title: NE.title },
      });
      expect(res.body.translations).toEqual({ en: BASE, 'zh-CN': ZH });
      const [row] = await t.db.query('SELECT content_locale, title FROM events WHERE id = $1', [event.id]);
      expect(row).toEqual({ content_locale: 'ne', title: NE.title });
    });

    it.each([
      ['an unknown locale', { fr: { title: 'Journée' } }, 'translations.fr'],
      ['zh instead of zh-CN', { zh: { title: '家庭日' } }, 'translations.zh'],
      ['an unknown field', { ne: { subtitle: 'x' } }, 'translations.ne.subtitle'],
      ['a title over 200', { ne: { title: 'क'.repeat(201) } }, 'translations.ne.title'],
      ['a summary over 500', { 'zh-CN': { summary: '家'.repeat(501) } }, 'translations.zh-CN.summary'],
      ['a description over 20000', { en: { description: 'x'.repeat(20001) } }, 'translations.en.description'],
      ['a venue over 500', { ne: { venue: 'x'.repeat(501) } }, 'translations.ne.venue'],
      ['a title that is not text', { ne: { title: 7 } }, 'translations.ne.title'],
      ['a translation that is not an object', { ne: 'पारिवारिक दिवस' }, 'translations.ne'],
      ['translations that are not an object', ['ne'], 'translations'],
      ['translations sent as text', 'ne', 'translations'],
    ])(
      'should refuse %s on create and on PATCH, naming the field, and change nothing',
      async (_, translations, field) => {
        const created = await post(org, eventBody({ title: 'Refused Day', translations }));
        expectProblem(created, 400, 'invalid_request');
        expect(fieldsOf(created)).toEqual([field]);
        const [{ n }] = await t.db.query("SELECT count(*)::int AS n FROM events WHERE title = 'Refused Day'");
        expect(n).toBe(0);

        const event = await translatedEvent();
        const patched = await patch(org, event.id, { translations, title: 'Changed' });
        expectProblem(patched, 400, 'invalid_request');
        expect(fieldsOf(patched)).toEqual([field]);
        const [row] = await t.db.query('SELECT title, translations FROM events WHERE id = $1', [event.id]);
        expect(row).toEqual({ title: BASE.title, translations: { ne: NE, 'zh-CN': ZH } });
      },
    );

    it('should refuse a content language Kinship does not speak, and translations: null', async () => {
      expect(fieldsOf(await post(org, eventBody({ contentLocale: 'fr' })))).toEqual(['contentLocale']);
      expect(fieldsOf(await post(org, eventBody({ contentLocale: 'zh' })))).toEqual(['contentLocale']);
      expect(fieldsOf(await post(org, eventBody({ translations: null })))).toEqual(['translations']);
    });
  });

  describe('GET /events/:idOrSlug in the asked language', () => {
    it('should answer in ?lang=, field by field with the base where a translation lacks one', async () => {
      const event = await translatedEvent();
      const ne = await read(event.slug, '?lang=ne').expect(200);
      expect(ne.body).toMatchObject({ ...NE, summary: BASE.summary, locale: 'ne', contentLocale: 'en' });
      expect(ne.body.availableLocales).toEqual(['en', 'zh-CN', 'ne']);
      const zh = await read(event.id, '?lang=zh').expect(200);
      expect(zh.body).toMatchObject({ ...ZH, description: BASE.description, venue: BASE.venue, locale: 'zh-CN' });
      expect((await read(event.id, '?lang=en').expect(200)).body).toMatchObject({ ...BASE, locale: 'en' });
    });

    it('should read Accept-Language when ?lang= is absent, and let ?lang= win over it', async () => {
      const event = await translatedEvent();
      const ne = await read(event.slug).set('Accept-Language', 'hi-IN,ne;q=0.9,en;q=0.5').expect(200);
      expect(ne.body).toMatchObject({ title: NE.title, locale: 'ne' });
      expect(ne.headers.vary).toMatch(/Accept-Language/i);
      const zh = await read(event.slug).set('Accept-Language', 'zh-TW, en;q=0.1').expect(200);
      expect(zh.body).toMatchObject({ title: ZH.title, locale: 'zh-CN' });
      const lang = await read(event.slug, '?lang=zh-CN').set('Accept-Language', 'ne').expect(200);
      expect(lang.body.locale).toBe('zh-CN');
    });

    it('should use the signed-in caller’s locale when nothing else asks, after Accept-Language', async () => {
      const event = await translatedEvent();
      const res = await api()
        .post('/api/v1/auth/signup')
        .send({
          email: `ne-reader-${Date.now()}@example.org`,
          password: 'correct horse battery',
          name: 'Sita',
          locale: 'ne',
        })
        .expect(201);
      const reader = { token: res.body.accessToken as string };
      expect((await read(event.slug).set(bearer(reader)).expect(200)).body).toMatchObject({
        title: NE.title,
        locale: 'ne',
      });
      const header = await read(event.slug).set(bearer(reader)).set('Accept-Language', 'zh-CN').expect(200);
      expect(header.body.locale).toBe('zh-CN');
      expect((await read(event.slug).set(bearer(fam)).expect(200)).body).toMatchObject({
        title: BASE.title,
        locale: 'en',
      });
    });

    it('should answer in the content language when nothing asks or the asked language is missing', async () => {
      const event = await createPublishedEvent(t, org, { ...BASE, translations: { 'zh-CN': ZH } });
      expect((await read(event.slug).expect(200)).body).toMatchObject({ ...BASE, locale: 'en' });
      const ne = await read(event.slug, '?lang=ne').set('Accept-Language', 'ne').expect(200);
      expect(ne.body).toMatchObject({ ...BASE, locale: 'en', availableLocales: ['en', 'zh-CN'] });
      expect((await read(event.slug).set('Accept-Language', 'fr-FR, *;q=0.1').expect(200)).body.locale).toBe('en');
    });

    it('should give the translations and base fields to its organizers and admins only', async () => {
      const event = await translatedEvent();
      for (const who of [org, adm]) {
        const res = await read(event.slug, '?lang=ne').set(bearer(who)).expect(200);
        expect(res.body).toMatchObject({ title: NE.title, base: BASE, translations: { ne: NE, 'zh-CN': ZH } });
      }
      for (const who of [fam, other]) {
        const res = await read(event.slug, '?lang=ne').set(bearer(who)).expect(200);
        expect(res.body).not.toHaveProperty('translations');
        expect(res.body).not.toHaveProperty('base');
      }
      const anonymous = await read(event.slug).expect(200);
      expect(anonymous.body).not.toHaveProperty('translations');
      expect(anonymous.body).not.toHaveProperty('base');
    });

    it('should refuse a lang Kinship does not speak with a 400 on lang', async () => {
      const event = await translatedEvent();
      for (const query of ['?lang=fr', '?lang=', '?lang=ne&lang=en', '?lang=ne;q=1']) {
        const res = await read(event.slug, query);
        expectProblem(res, 400, 'invalid_request');
        expect(fieldsOf(res)).toEqual(['lang']);
      }
      expect((await read(event.slug, '?lang=NE-np').expect(200)).body.locale).toBe('ne');
    });
  });

  describe('GET /events in the asked language', () => {
    it('should list titles in the asked language, without translations even for organizers', async () => {
      const event = await translatedEvent({ title: `Lantern Walk ${Date.now()}` });
      const res = await api().get('/api/v1/events?lang=ne&limit=100').set(bearer(org)).expect(200);
      const item = res.body.items.find((e: { id: string }) => e.id === event.id);
      expect(item).toMatchObject({ title: NE.title, locale: 'ne', availableLocales: ['en', 'zh-CN', 'ne'] });
      expect(item).not.toHaveProperty('translations');
      expect(item).not.toHaveProperty('base');
      const header = await api().get('/api/v1/events?limit=100').set('Accept-Language', 'zh-CN').expect(200);
      expect(header.body.items.find((e: { id: string }) => e.id === event.id)).toMatchObject({ title: ZH.title });
    });

    it('should find an event by words in any of its languages', async () => {
      const event = await translatedEvent({ translations: { ne: { title: 'लालटिन यात्रा विशेष' } } });
      const res = await api()
        .get(`/api/v1/events?q=${encodeURIComponent('लालटिन यात्रा')}`)
        .expect(200);
      expect(res.body.items.map((e: { id: string }) => e.id)).toEqual([event.id]);
    });

    it('should refuse a bad lang with a 400 on lang', async () => {
      const res = await api().get('/api/v1/events?lang=de');
      expectProblem(res, 400, 'invalid_request');
      expect(fieldsOf(res)).toEqual(['lang']);
    });
  });

  describe('GET /me/registrations', () => {
    it('should give each event’s title in the asked language', async () => {
      const event = await translatedEvent();
      const member = await createUser(t, ['family']);
      await register(t, event.id, { caller: member });
      const res = await api().get('/api/v1/me/registrations?lang=ne').set(bearer(member)).expect(200);
      expect(res.body.items[0].event).toMatchObject({ id: event.id, title: NE.title, locale: 'ne' });
      const plain = await api().get('/api/v1/me/registrations').set(bearer(member)).expect(200);
      expect(plain.body.items[0].event).toMatchObject({ title: BASE.title, locale: 'en' });
      expectProblem(await api().get('/api/v1/me/registrations?lang=xx').set(bearer(member)), 400, 'invalid_request');
    });
  });

  describe('mail in the recipient’s language', () => {
    let sink: SmtpSink;
    let worker: INestApplicationContext;

    beforeAll(async () => {
      sink = await new SmtpSink().start();
      await resetQueues(t.app.get(REDIS));
      worker = await createWorker({ ...FAST_MAIL, SMTP_URL: sink.url });
    });
    afterAll(async () => {
      await worker?.close();
      await sink?.stop();
    });

    /** The confirmation among the mails to `email` (a welcome may come first). */
    async function confirmationTo(email: string, code: string): Promise<ReceivedMail> {
      const until = Date.now() + 15_000;
      for (;;) {
        const found = sink.to(email).find((m) => (m.parsed.text ?? '').includes(code));
        if (found) return found;
        if (Date.now() > until) throw new Error(`no confirmation for ${code} to ${email}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    }

    it('should confirm a Nepali family in Nepali, with the event’s Nepali title and every link in lang=ne', async () => {
      // 10:00–14:00 in Kathmandu a month ahead: a day's times, whatever the hour the test runs at
      // (from now + 30 days, the event crossed Kathmandu's midnight between 14:15 and 18:15 UTC).
      const starts = new Date(daysFromNow(30));
      starts.setUTCHours(4, 15, 0, 0);
      const ends = new Date(starts.getTime() + 4 * 3600_000);
      const event = await translatedEvent({
        timezone: 'Asia/Kathmandu',
        startsAt: starts.toISOString(),
        endsAt: ends.toISOString(),
      });
      const email = `ne-family-${Date.now()}@example.org`;
      const signup = await api()
        .post('/api/v1/auth/signup')
        .send({ email, password: 'correct horse battery', name: 'Sita Sharma', locale: 'ne' })
        .expect(201);
      expect(signup.body.user.locale).toBe('ne');
      const member = { token: signup.body.accessToken as string } as TestUser;
      const registration = await register(t, event.id, {
        caller: member,
        contact: { email, name: 'Sita Sharma' },
        attendees: [adult('Sita Sharma'), child('Asha Sharma')],
      });
      expect(registration.locale).toBe('ne');

      const mail = await confirmationTo(email, registration.code);
      expect(mail.subject).toBe(`दर्ता पक्का भयो: ${NE.title}`);
      const text = mail.parsed.text ?? '';
      expect(text).toContain(`नमस्ते Sita Sharma जी,`);
      expect(text).toContain(`“${NE.title}” कार्यक्रमका लागि तपाईंको दर्ता पक्का भएको छ।`);
      expect(text).toContain(`स्थान: ${NE.venue}`);
      expect(text).toContain('आउने व्यक्तिहरू (२ जना):');
      expect(text).not.toContain(BASE.title);
      // Kathmandu time, in Devanagari digits.
      expect(text).toMatch(/समय: [०-९]{4} [^\n]*[०-९]{2}:[०-९]{2}–[०-९]{2}:[०-९]{2} \(Asia\/Kathmandu\)/);
      const html = typeof mail.parsed.html === 'string' ? mail.parsed.html : '';
      expect(html).toContain('<html lang="ne">');
      expect(html).toContain(NE.title);

      const links = linksOf(mail).filter((l) => l.startsWith('http://kinship.test'));
      expect(links).toEqual(
        expect.arrayContaining([
          `http://kinship.test/events/${event.slug}?lang=ne`,
          `http://kinship.test/registrations/${registration.id}?lang=ne`,
          'http://kinship.test/?lang=ne',
        ]),
      );
      for (const link of links) expect(new URL(link).searchParams.get('lang')).toBe('ne');
    });

    it('should give a Nepali guest a manage link with its token and lang=ne', async () => {
      const event = await translatedEvent();
      const email = `ne-guest-${Date.now()}@example.org`;
      const registration = await register(t, event.id, { contact: { email, name: 'Ram' }, locale: 'ne' });
      const mail = await confirmationTo(email, registration.code);
      expect(mail.subject).toBe(`दर्ता पक्का भयो: ${NE.title}`);
      const manage = linksOf(mail).find((l) => l.includes(`/registrations/${registration.id}`))!;
      const url = new URL(manage);
      expect(url.searchParams.get('lang')).toBe('ne');
      expect(url.searchParams.get('token') ?? new URLSearchParams(url.hash.slice(1)).get('token')).toBe(
        registration.manageToken,
      );
    });

    it('should write to a Chinese family in Chinese with the Chinese title, and in the base where none exists', async () => {
      const event = await translatedEvent();
      const zhEmail = `zh-guest-${Date.now()}@example.org`;
      const zh = await register(t, event.id, { contact: { email: zhEmail }, locale: 'zh-CN' });
      const zhMail = await confirmationTo(zhEmail, zh.code);
      expect(zhMail.subject).toBe(`报名成功：${ZH.title}`);
      for (const link of linksOf(zhMail).filter((l) => l.startsWith('http://kinship.test'))) {
        expect(new URL(link).searchParams.get('lang')).toBe('zh-CN');
      }
      const untranslated = await createPublishedEvent(t, org, { ...BASE, translations: { 'zh-CN': ZH } });
      const neEmail = `ne-guest2-${Date.now()}@example.org`;
      const ne = await register(t, untranslated.id, { contact: { email: neEmail }, locale: 'ne' });
      const neMail = await confirmationTo(neEmail, ne.code);
      expect(neMail.subject).toBe(`दर्ता पक्का भयो: ${BASE.title}`);
    });
  });
});
