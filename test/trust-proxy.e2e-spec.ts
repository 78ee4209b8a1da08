import request from 'supertest';
import { REDIS } from '../src/redis/redis.module';
import { createApp, TestApp } from './utils/create-app';
import { resetRateLimits } from './utils/reset-db';

/**
 * X-Forwarded-For names the client only when the connection comes from a proxy TRUST_PROXY
 * names. The tests connect from loopback; the limit of two signups per address shows which
 * address the api counted.
 */
let seq = 0;
async function signupStatuses(t: TestApp, forwardedFor: string[]): Promise<number[]> {
  const out: number[] = [];
  for (const xff of forwardedFor) {
    seq += 1;
    const res = await request(t.http)
      .post('/api/v1/auth/signup')
      .set('X-Forwarded-For', xff)
      .send({ email: `proxy-${seq}-${Date.now()}@example.org`, password: 'a long enough password', name: 'P' });
    out.push(res.status);
  }
  return out;
}

describe('TRUST_PROXY', () => {
  const apps: TestApp[] = [];
  const appWith = async (trust: string | undefined) => {
    const t = await createApp({
      SIGNUPS_PER_ADDRESS_PER_HOUR: '2',
      ...(trust === undefined ? {} : { TRUST_PROXY: trust }),
    });
    apps.push(t);
    await resetRateLimits(t.app.get(REDIS));
    return t;
  };
  afterAll(async () => {
    for (const t of apps) await t.close();
  });

  it('should believe X-Forwarded-For from loopback by default (a proxy on this machine)', async () => {
    const t = await appWith(undefined);
    expect(
      await signupStatuses(t, ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.1', '203.0.113.1']),
    ).toEqual([201, 201, 201, 201, 429]);
  });

  it('should ignore X-Forwarded-For with TRUST_PROXY=false: every request is the socket’s address', async () => {
    const t = await appWith('false');
    expect(await signupStatuses(t, ['203.0.113.1', '203.0.113.2', '203.0.113.3'])).toEqual([201, 201, 429]);
  });

  it('should ignore X-Forwarded-For from a peer that is not one of the named proxies', async () => {
    const t = await appWith('10.0.0.0/8, 192.0.2.10');
    expect(await signupStatuses(t, ['203.0.113.1', '203.0.113.2', '203.0.113.3'])).toEqual([201, 201, 429]);
  });

  it('should take the address one hop back with a hop count, whatever a client put before it', async () => {
    const t = await appWith('1');
    // The proxy appends the address it saw; what the client wrote in front of it is not believed.
    expect(
      await signupStatuses(t, ['1.1.1.1, 203.0.113.9', '2.2.2.2, 203.0.113.9', '3.3.3.3, 203.0.113.9', '203.0.113.10']),
    ).toEqual([201, 201, 429, 201]);
  });
});
