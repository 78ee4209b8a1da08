import { Agent, request } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createApp, TestApp } from './utils/create-app';

/**
 * A proxy in front of the api keeps idle connections to it and sends the next request on one of
 * them. If the api closed idle connections sooner than the proxy does, a request could cross the
 * close on the wire and the family would get the proxy's 502: the api keeps them longer
 * (HTTP_KEEP_ALIVE_SECONDS, 65 s by default, above the common 60 s; 2 s here to keep the test short).
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('idle connections to the api', () => {
  let t: TestApp;
  let port: number;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });

  beforeAll(async () => {
    t = await createApp({ HTTP_KEEP_ALIVE_SECONDS: '2' });
    await new Promise<void>((resolve) => t.http.listen(0, '127.0.0.1', resolve));
    port = (t.http.address() as AddressInfo).port;
  });
  afterAll(async () => {
    agent.destroy();
    await t.close();
  });

  /** GET /health/live on the agent: its status and the socket it went on. */
  function live(): Promise<{ status: number; socket: Socket }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/health/live', agent }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, socket: req.socket as Socket }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('should keep an idle connection open for the next request until the configured time, then close it', async () => {
    const first = await live();
    await sleep(1000); // idle, under the 2 s: the same connection carries the next request
    const second = await live();
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.socket).toBe(first.socket);

    const closed = new Promise<number>((resolve) => {
      const idleSince = Date.now();
      second.socket.once('close', () => resolve(Date.now() - idleSince));
    });
    // The api closes it after about 2 s idle (not Node's 5 s); the agent then opens a new one.
    const after = await closed;
    expect(after).toBeGreaterThan(1500);
    expect(after).toBeLessThan(4000);
    const third = await live();
    expect(third.status).toBe(200);
    expect(third.socket).not.toBe(second.socket);
  });
});
