import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import request from 'supertest';
import { createEvent, createPublishedEvent, eventBody } from './factories/events';
import { organizer, TestUser } from './factories/users';
import { createApp, TestApp } from './utils/create-app';
import { expectProblem } from './utils/problem';
import { resetDb } from './utils/reset-db';

/** A built web app as Vite writes it: three entry points and a hashed asset. */
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kinship-web-'));
  const page = (entry: string) =>
    `<!doctype html>\n<html lang="en">\n  <head>\n    <title>Kinship</title>\n  </head>\n  <body><div id="root" data-entry="${entry}"></div></body>\n</html>\n`;
  for (const entry of ['index', 'console', 'checkin']) writeFileSync(join(dir, `${entry}.html`), page(entry));
  mkdirSync(join(dir, 'assets'));
  const js = 'console.log("kinship");'.repeat(50);
  writeFileSync(join(dir, 'assets', 'index-AbC123.js'), js);
  writeFileSync(join(dir, 'assets', 'index-AbC123.js.br'), brotliCompressSync(js));
  writeFileSync(join(dir, 'assets', 'index-AbC123.js.gz'), gzipSync(js));
  writeFileSync(join(dir, 'assets', 'EventPage-Ev1.js'), 'export default 1');
  writeFileSync(join(dir, 'assets', 'zh-CN-Zh1.js'), 'export const zhCN = {}');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  mkdirSync(join(dir, '.vite'));
  writeFileSync(
    join(dir, '.vite', 'manifest.json'),
    JSON.stringify({
      'src/public/events/EventPage.tsx': { file: 'assets/EventPage-Ev1.js', imports: ['_shared'] },
      _shared: { file: 'assets/shared-Sh1.js' },
      'src/i18n/zh-CN.ts': { file: 'assets/zh-CN-Zh1.js' },
    }),
  );
  return dir;
}

/** Keeps the body as bytes (supertest would otherwise parse it by its type). */
function rawBody(res: request.Response, done: (e: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const parts: Buffer[] = [];
  stream.on('data', (c: Buffer) => parts.push(c));
  stream.on('end', () => done(null, Buffer.concat(parts)));
}

const html = (t: TestApp, path: string) => request(t.http).get(path).set('Accept', 'text/html,application/xhtml+xml');

describe('the web app, served by the api', () => {
  let t: TestApp;
  let org: TestUser;

  beforeAll(async () => {
    t = await createApp({ WEB_DIR: fakeBuild() });
    await resetDb(t.db);
    org = await organizer(t);
  });
  afterAll(async () => t.close());

  describe('pages', () => {
    it('should answer any page of the app with its HTML, never cached without asking', async () => {
      for (const path of ['/', '/events', '/me/household', '/registrations/0f8e7d6c-5b4a-4392-8170-a1b2c3d4e5f6']) {
        const res = await html(t, path).expect(200);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.headers['cache-control']).toBe('no-cache');
        expect(res.text).toContain('data-entry="index"');
      }
    });

    it("should give organizers' and check-in paths their own entry points", async () => {
      expect((await html(t, '/console').expect(200)).text).toContain('data-entry="console"');
      expect((await html(t, '/console/events/1').expect(200)).text).toContain('data-entry="console"');
      expect((await html(t, '/checkin/0f8e7d6c-5b4a-4392-8170-a1b2c3d4e5f6').expect(200)).text).toContain(
        'data-entry="checkin"',
      );
      expect((await html(t, '/consoles').expect(200)).text).toContain('data-entry="index"');
    });

    it('should set <html lang> from ?lang=, else Accept-Language', async () => {
      expect((await html(t, '/?lang=zh').expect(200)).text).toContain('<html lang="zh-CN"');
      expect(
        (await html(t, '/events').set('Accept-Language', 'fr;q=1, ne-NP;q=0.8, en;q=0.5').expect(200)).text,
      ).toContain('<html lang="ne"');
      expect((await html(t, '/').set('Accept-Language', 'de').expect(200)).text).toContain('<html lang="en"');
    });

    it('should keep the secret-bearing pages from sending their address to other sites', async () => {
      const manage = await html(t, '/registrations/0f8e7d6c-5b4a-4392-8170-a1b2c3d4e5f6').expect(200);
      expect(manage.headers['referrer-policy']).toBe('no-referrer');
      expect((await html(t, '/reset-password').expect(200)).headers['referrer-policy']).toBe('no-referrer');
      // The unsubscribe link carries its signature in the query (mail clients POST to the same URL).
      const unsubscribe = await html(t, '/unsubscribe/0f8e7d6c-5b4a-4392-8170-a1b2c3d4e5f6?token=x&lang=ne').expect(
        200,
      );
      expect(unsubscribe.headers['referrer-policy']).toBe('no-referrer');
      expect(unsubscribe.text).toContain('<html lang="ne"');
    });

    it("should leave the API's paths to the API whatever the request accepts", async () => {
      expectProblem(await html(t, '/api/v1/no-such-thing'), 404, 'not_found');
      const live = await html(t, '/health/live').expect(200);
      expect(live.headers['content-type']).toMatch(/json/);
      expect((await html(t, '/docs').redirects(1).expect(200)).text).toContain('swagger');
    });

    it('should answer a request that does not accept HTML as the API would', async () => {
      expectProblem(await request(t.http).get('/events').set('Accept', 'application/json'), 404, 'not_found');
    });
  });

  describe('files', () => {
    it('should cache hashed assets for a year and other files never without asking', async () => {
      const asset = await request(t.http).get('/assets/index-AbC123.js').expect(200);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const icon = await request(t.http).get('/favicon.svg').expect(200);
      expect(icon.headers['cache-control']).toBe('no-cache');
    });

    it('should send the copy compressed at build time that the browser accepts', async () => {
      const br = await request(t.http)
        .get('/assets/index-AbC123.js')
        .set('Accept-Encoding', 'gzip, deflate, br')
        .buffer(true)
        .parse(rawBody)
        .expect(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(br.headers['vary']).toMatch(/Accept-Encoding/);
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const gz = await request(t.http)
        .get('/assets/index-AbC123.js')
        .set('Accept-Encoding', 'gzip')
        .buffer(true)
        .parse(rawBody)
        .expect(200);
      expect(gz.headers['content-encoding']).toBe('gzip');
      // the client decompressed it
      expect(gz.body.toString()).toContain('console.log("kinship")');
      const plain = await request(t.http).get('/assets/index-AbC123.js').set('Accept-Encoding', 'identity').expect(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
    });

    it('should answer a missing asset with 404, not with the app', async () => {
      const res = await request(t.http).get('/assets/index-Gone99.js').set('Accept', '*/*');
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('data-entry');
    });
  });

  describe('preloading', () => {
    it("should announce the landing page's code and the language's words in the HTML", async () => {
      const event = await createPublishedEvent(t, org);
      const res = await html(t, `/events/${event.slug}?lang=zh-CN`).expect(200);
      const preloads = [...res.text.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map(
        (m) => m[1],
      );
      expect(preloads.sort()).toEqual(['/assets/EventPage-Ev1.js', '/assets/shared-Sh1.js', '/assets/zh-CN-Zh1.js']);
    });
  });

  describe("an event's page", () => {
    it('should carry its link-preview tags and its JSON, escaped', async () => {
      const event = await createPublishedEvent(t, org, {
        title: 'Family Day "Spring" </script><script>alert(1)</script>',
        summary: 'Games & <b>food</b>',
        venue: 'Chaoyang Park',
        timezone: 'Asia/Shanghai',
      });
      const res = await html(t, `/events/${event.slug}`).expect(200);
      expect(res.text).toContain('<meta property="og:title" content="Family Day &#34;Spring&#34; &#60;/script&#62;');
      expect(res.text).toContain('<meta name="twitter:card" content="summary" />');
      expect(res.text).toMatch(
        /<meta property="og:description" content="[^"]*Chaoyang Park · Games &#38; &#60;b&#62;food/,
      );
      expect(res.text).toContain(`<meta property="og:url" content="http://kinship.test/events/${event.slug}" />`);
      // Only the page's own closing tag ends the data: the title's `</script>` is escaped.
      const inline = /<script type="application\/json" id="kinship-event">([\s\S]*?)<\/script>/.exec(res.text)!;
      expect(JSON.parse(inline[1])).toMatchObject({ id: event.id, title: event.title, slug: event.slug });
      expect(res.text.match(/<script/g)).toHaveLength(1);
    });

    it('should write the date in the asked language and the zone of the event', async () => {
      const event = await createPublishedEvent(t, org, {
        startsAt: '2030-05-15T02:00:00Z',
        endsAt: '2030-05-15T08:00:00Z',
        timezone: 'Asia/Shanghai',
      });
      const res = await html(t, `/events/${event.slug}?lang=zh-CN`).expect(200);
      expect(res.text).toMatch(/og:description" content="2030年5月15日星期三 10:00–16:00/);
    });

    it('should answer 404 (with the app, which says so) for an unknown or unpublished event', async () => {
      const unknown = await html(t, '/events/no-such-event').expect(404);
      expect(unknown.text).toContain('data-entry="index"');
      const draft = await createEvent(t, org);
      const res = await html(t, `/events/${draft.slug}`).expect(404);
      expect(res.text).not.toContain('og:title');
    });
  });
});

describe('the web app, not built', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createApp({ WEB_DIR: join(tmpdir(), 'kinship-no-such-build') });
  });
  afterAll(async () => t.close());

  it("should leave every request to the API's own 404", async () => {
    expectProblem(await html(t, '/events'), 404, 'not_found');
  });
});

describe('compression of large reads', () => {
  let t: TestApp;
  let org: TestUser;
  beforeAll(async () => {
    t = await createApp();
    await resetDb(t.db);
    org = await organizer(t);
    for (let i = 0; i < 30; i++) await createPublishedEvent(t, org, { description: 'A day for families. '.repeat(20) });
  });
  afterAll(async () => t.close());

  it('should gzip a large list for a client that accepts it', async () => {
    const res = await request(t.http)
      .get('/api/v1/events?limit=30')
      .set('Accept-Encoding', 'gzip')
      .buffer(true)
      .parse(rawBody)
      .expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    // the client decompressed it
    expect(JSON.parse(res.body.toString()).items).toHaveLength(30);
  });

  it('should leave small answers and writes as they are', async () => {
    const small = await request(t.http).get('/api/v1/events?limit=1').set('Accept-Encoding', 'gzip').expect(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    const write = await request(t.http)
      .post('/api/v1/events')
      .set('Authorization', `Bearer ${org.token}`)
      .set('Accept-Encoding', 'gzip')
      .send(eventBody({ description: 'A day for families. '.repeat(150) }));
    expect(write.status).toBe(201);
    expect(write.headers['content-encoding']).toBeUndefined();
  });
});
