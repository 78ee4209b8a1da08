#!/usr/bin/env node
// Container health checks (docker-compose.yml), without curl in the slim image.
//   node scripts/healthcheck.js http://127.0.0.1:3000/health/ready   the api: 200 from the URL
//   node scripts/healthcheck.js --deps                              a worker: Postgres and Redis answer
// Exits 0 when healthy, 1 otherwise, within 5 seconds.
'use strict';

const target = process.argv[2];
setTimeout(() => fail('timed out'), 5000).unref();

function fail(why) {
  process.stderr.write(`unhealthy: ${why}\n`);
  process.exit(1);
}

async function deps() {
  const { Client } = require('pg');
  const { Redis } = require('ioredis');
  const pg = new Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 3000 });
  await pg.connect();
  await pg.query('SELECT 1');
  await pg.end();
  const redis = new Redis(process.env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 3000 });
  redis.on('error', () => {});
  await redis.connect();
  const pong = await redis.ping();
  redis.disconnect();
  if (pong !== 'PONG') throw new Error(`redis answered ${pong}`);
}

async function http(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(4000) });
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
}

(target === '--deps' ? deps() : http(target || 'http://127.0.0.1:3000/health/ready')).then(
  () => process.exit(0),
  (e) => fail(e.message),
);
