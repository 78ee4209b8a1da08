import express from 'express';
import { once } from 'node:events';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { Env } from '../config/env';
import { loggerParams, setLogDestination } from './logging';

type Line = Record<string, any>;

/** An express app behind the request log at `level`, its lines, and a way to send it requests. */
async function serve(level: Env['LOG_LEVEL']) {
  const chunks: string[] = [];
  setLogDestination(
    new Writable({
      write(chunk, _enc, done) {
        chunks.push(String(chunk));
        done();
      },
    }) as unknown as Parameters<typeof setLogDestination>[0],
  );
  const app = express();
  app.use(loggerParams(level, 'api').requestLog);
  app.post('/api/v1/things', (req, res) => {
    (req as unknown as { log: Logger }).log.info({ thing: 1 }, 'made a thing');
    (req as unknown as { caller: { id: string } }).caller = { id: 'user-7' };
    res.status(201).json({ ok: true });
  });
  app.get('/health/live', (_req, res) => res.json({ status: 'ok' }));
  app.get('/slow', () => undefined); // never answers
  const server: Server = app.listen(0);
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  const send = (method: string, path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; requestId: string | undefined }>((resolve, reject) => {
      const req = request({ port, method, path, headers }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode!, requestId: res.headers['x-request-id'] as string }));
      });
      req.on('error', reject);
      req.end();
    });
  const settle = () => new Promise((r) => setTimeout(r, 50));
  return {
    port,
    send,
    settle,
    lines: (): Line[] =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Line),
    close: async () => {
      server.closeAllConnections();
      server.close();
      setLogDestination(undefined);
    },
  };
}

describe('the request log', () => {
  it('should write one line per answered request, and bind the request id to the lines written while it is handled', async () => {
    const s = await serve('info');
    try {
      const res = await s.send('POST', '/api/v1/things?token=secret-link-token', { 'x-request-id': 'req-log-1' });
      await s.settle();
      expect(res).toEqual({ status: 201, requestId: 'req-log-1' });
      const lines = s.lines();
      expect(lines.map((l) => l.msg)).toEqual(['made a thing', 'request completed']);
      expect(lines[0]).toMatchObject({ level: 30, process: 'api', thing: 1, req: { id: 'req-log-1', method: 'POST' } });
      expect(lines[1]).toMatchObject({
        level: 30,
        req: { id: 'req-log-1', method: 'POST', url: '/api/v1/things?token=[redacted]' },
        res: { statusCode: 201 },
        userId: 'user-7',
      });
      expect(typeof lines[1].responseTime).toBe('number');
      expect(JSON.stringify(lines)).not.toContain('secret-link-token');
    } finally {
      await s.close();
    }
  });

  it('should give a request without a sane X-Request-Id a new one, and write no line for /health/live', async () => {
    const s = await serve('info');
    try {
      const odd = await s.send('GET', '/health/live', { 'x-request-id': 'has spaces' });
      await s.settle();
      expect(odd.status).toBe(200);
      expect(odd.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(s.lines()).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('should write nothing below the level, and a 4xx at warn', async () => {
    const s = await serve('warn');
    try {
      expect((await s.send('POST', '/api/v1/things')).status).toBe(201);
      expect((await s.send('GET', '/api/v1/nothing-here')).status).toBe(404);
      await s.settle();
      const lines = s.lines();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({
        level: 40,
        msg: 'request completed',
        req: { method: 'GET', url: '/api/v1/nothing-here' },
        res: { statusCode: 404 },
      });
    } finally {
      await s.close();
    }
  });

  it('should say so when the client gave up before the answer', async () => {
    const s = await serve('info');
    try {
      const req = request({ port: s.port, path: '/slow' });
      req.on('error', () => undefined);
      req.end();
      await s.settle();
      req.destroy();
      await s.settle();
      expect(s.lines()).toEqual([
        expect.objectContaining({ level: 30, msg: 'request aborted', req: expect.objectContaining({ url: '/slow' }) }),
      ]);
    } finally {
      await s.close();
    }
  });
});
