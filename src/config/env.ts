import { isIP } from 'node:net';
import { DEFAULT_JWT_SECRET, isDemoPassword, isKnownSecret } from './known-secrets';
import { defaultWebDir } from '../web/web-root';

/**
 * The environment, validated once at boot. A bad or missing value stops the process with one
 * line naming it (see `loadEnv`). Nothing outside this folder reads process.env.
 */
export type NodeEnv = 'development' | 'test' | 'production';

export interface Env {
  NODE_ENV: NodeEnv;
  PORT: number;
  HTTP_KEEP_ALIVE_SECONDS: number;
  DATABASE_URL: string;
  REDIS_URL: string;
  SMTP_URL: string | undefined;
  MAIL_FROM: string;
  PUBLIC_URL: string;
  JWT_SECRET: string;
  JWT_TTL_SECONDS: number;
  ADMIN_EMAIL: string | undefined;
  ADMIN_PASSWORD: string | undefined;
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  BODY_LIMIT: string;
  RATE_LIMIT_DISABLED: boolean;
  /**
   * Who may tell the client's address in X-Forwarded-For, as Express's `trust proxy` takes it:
   * false, a hop count, or addresses, CIDR ranges and the names loopback, linklocal, uniquelocal.
   */
  TRUST_PROXY: boolean | number | string[];
  /** Failed logins for one email from one client address per window (the lockout a person meets). */
  LOGIN_MAX_FAILURES: number;
  /** Failed logins for one email from all addresses together per window (spread-out guessing). */
  LOGIN_MAX_FAILURES_PER_EMAIL: number;
  /** Failed logins from one client address, whatever the email, per window (one password, many emails). */
  LOGIN_MAX_FAILURES_PER_ADDRESS: number;
  LOGIN_WINDOW_SECONDS: number;
  SIGNUPS_PER_ADDRESS_PER_HOUR: number;
  PASSWORD_RESET_MAX_PER_HOUR: number;
  RESEND_LINK_MAX_PER_HOUR: number;
  REGISTRATIONS_PER_ADDRESS_PER_MINUTE: number;
  REGISTRATIONS_PER_ADDRESS_PER_EVENT_PER_HOUR: number;
  /** Connections in each process's Postgres pool. */
  DATABASE_POOL_SIZE: number;
  /** How long a request waits for a pool connection before it answers 503. */
  DATABASE_POOL_WAIT_MS: number;
  /** CSV exports one api process streams at once, and one organizer at once in one process. */
  EXPORTS_PER_PROCESS: number;
  EXPORTS_PER_USER: number;
  /** An export whose reader took nothing for this long is cut off (its connection goes back to the pool). */
  EXPORT_STALL_SECONDS: number;
  /** Mail jobs one worker process sends at once. */
  MAIL_CONCURRENCY: number;
  /** SMTP connections in one worker's pool. */
  MAIL_POOL_SIZE: number;
  /** How long a sender holds a row before the sweeper may hand it to another (a dead worker). */
  MAIL_LEASE_SECONDS: number;
  MAIL_MAX_ATTEMPTS: number;
  /** Multiplies the retry back-off (1 in production; tests shrink it). */
  MAIL_RETRY_SCALE: number;
  /** How often the relay looks for due rows besides LISTEN/NOTIFY, and the sweeper runs. */
  MAIL_POLL_MS: number;
  /** A due row whose job was pushed this long ago without being claimed is pushed again (Redis lost it). */
  MAIL_REQUEUE_SECONDS: number;
  FANOUT_BATCH_SIZE: number;
  /**
   * The worker process's nice value (0 = as the api, 19 = lowest): on a machine it shares with an
   * api, mail (which may wait seconds) yields the CPU to families waiting for an answer.
   */
  WORKER_NICE: number;
  /**
   * The CPU an api process must use (a share of one core, over its last three tenths of a second) before it
   * asks the workers to hold mail back (`MAIL_PER_SECOND_WHILE_API_BUSY`); 0: it never asks. Low
   * (0.25) on purpose: an api waiting on a Postgres the mail also uses shows less CPU, not more,
   * so a high threshold lets the mail in exactly when the registrations are short of room.
   */
  API_BUSY_CPU: number;
  /** Mail jobs one worker process starts per second while an api asks it to hold back. */
  MAIL_PER_SECOND_WHILE_API_BUSY: number;
  /** The built web app the api serves (`npm run build` writes it to dist/web). */
  WEB_DIR: string;
  /** Months after an event ends before its registrations lose their personal fields. */
  RETENTION_REGISTRATION_MONTHS: number;
  /** Days after a mail was sent (or failed, or was skipped) before its recipient and payload are purged. */
  RETENTION_MAIL_DAYS: number;
  /** Months after a student graduated or withdrew before her guardian, phone, birth date and region go. */
  RETENTION_STUDENT_MONTHS: number;
  /** Rows the retention run changes per transaction. */
  RETENTION_BATCH_SIZE: number;
}

export { DEFAULT_JWT_SECRET } from './known-secrets';

export class EnvError extends Error {}

type Raw = Record<string, string | undefined>;

function str(raw: Raw, name: string, fallback?: string): string {
  const v = raw[name];
  if (v === undefined || v === '') {
    if (fallback === undefined) throw new EnvError(`${name} is required but not set`);
    return fallback;
  }
  return v;
}

function int(raw: Raw, name: string, fallback: number, min: number, max: number): number {
  const v = raw[name];
  if (v === undefined || v === '') return fallback;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
    throw new EnvError(`${name} must be a whole number from ${min} to ${max}, got "${v}"`);
  }
  return Number(v);
}

function num(raw: Raw, name: string, fallback: number, min: number, max: number): number {
  const v = raw[name];
  if (v === undefined || v === '') return fallback;
  if (!/^\d+(\.\d+)?$/.test(v) || Number(v) < min || Number(v) > max) {
    throw new EnvError(`${name} must be a number from ${min} to ${max}, got "${v}"`);
  }
  return Number(v);
}

function bool(raw: Raw, name: string, fallback: boolean): boolean {
  const v = raw[name];
  if (v === undefined || v === '') return fallback;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw new EnvError(`${name} must be true or false, got "${v}"`);
}

function url(raw: Raw, name: string, protocols: string[], fallback?: string): string {
  const v = str(raw, name, fallback);
  let parsed: URL;
  try {
    parsed = new URL(v);
  } catch {
    throw new EnvError(`${name} must be a URL (${protocols.join(', ')}), got "${redact(v)}"`);
  }
  if (!protocols.includes(parsed.protocol.replace(/:$/, ''))) {
    throw new EnvError(`${name} must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  }
  return v;
}

/** Hide a password inside a URL before printing it. */
function redact(v: string): string {
  return v.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** One entry of TRUST_PROXY: a name Express knows, an address, or address/prefix (or address/mask). */
function isProxyEntry(v: string): boolean {
  if (PROXY_NAMES.includes(v)) return true;
  const [address, range, ...rest] = v.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (range === undefined) return true;
  if (/^\d{1,3}$/.test(range)) return Number(range) <= (family === 4 ? 32 : 128);
  return family === 4 && isIP(range) === 4;
}

/** TRUST_PROXY as Express's `trust proxy` takes it; `true` (trust anyone) is refused. */
function trustProxy(raw: Raw): Env['TRUST_PROXY'] {
  const v = str(raw, 'TRUST_PROXY', 'loopback').trim();
  if (v === 'false') return false;
  if (/^\d+$/.test(v)) {
    if (Number(v) > 100) throw new EnvError(`TRUST_PROXY must be a hop count from 0 to 100, got "${v}"`);
    return Number(v);
  }
  const entries = v.split(',').map((e) => e.trim());
  const bad = entries.find((e) => !isProxyEntry(e));
  if (bad !== undefined) {
    throw new EnvError(
      `TRUST_PROXY must be false, a hop count, or addresses, CIDR ranges, loopback, linklocal or uniquelocal separated by commas, got "${bad}"`,
    );
  }
  return entries;
}

export function loadEnv(raw: Raw = process.env): Env {
  const nodeEnv = str(raw, 'NODE_ENV', 'development');
  if (!['development', 'test', 'production'].includes(nodeEnv)) {
    throw new EnvError(`NODE_ENV must be development, test or production, got "${nodeEnv}"`);
  }
  const production = nodeEnv === 'production';
  const defaultDb =
    nodeEnv === 'test'
      ? 'postgres://kinship:kinship@127.0.0.1:5432/kinship_test'
      : 'postgres://kinship:kinship@127.0.0.1:5432/kinship';

  const smtp = raw.SMTP_URL ? url(raw, 'SMTP_URL', ['smtp', 'smtps']) : undefined;
  if (production && !smtp) throw new EnvError('SMTP_URL is required in production');

  const jwtSecret = str(raw, 'JWT_SECRET', production ? undefined : DEFAULT_JWT_SECRET);
  if (production && isKnownSecret(jwtSecret)) {
    throw new EnvError('JWT_SECRET must not be a secret published in the Kinship repository in production');
  }
  if (jwtSecret.length < 16) throw new EnvError('JWT_SECRET must be at least 16 characters');

  const adminEmail = raw.ADMIN_EMAIL || undefined;
  const adminPassword = raw.ADMIN_PASSWORD || undefined;
  if (adminEmail && !EMAIL.test(adminEmail))
    throw new EnvError(`ADMIN_EMAIL must be an email address, got "${adminEmail}"`);
  if (adminPassword !== undefined && adminPassword.length < 8) {
    throw new EnvError('ADMIN_PASSWORD must be at least 8 characters');
  }
  if (production && adminPassword !== undefined && isDemoPassword(adminPassword)) {
    throw new EnvError('ADMIN_PASSWORD must not be the demo password in production');
  }
  const mailFrom = str(raw, 'MAIL_FROM', 'Kinship <no-reply@kinship.local>');

  const logLevel = str(raw, 'LOG_LEVEL', nodeEnv === 'test' ? 'silent' : 'info');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new EnvError(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "${logLevel}"`);
  }
  const bodyLimit = str(raw, 'BODY_LIMIT', '100kb');
  if (!/^\d+(b|kb|mb)$/i.test(bodyLimit))
    throw new EnvError(`BODY_LIMIT must look like 100kb or 1mb, got "${bodyLimit}"`);

  const port = int(raw, 'PORT', 3000, 0, 65535);
  return {
    NODE_ENV: nodeEnv as NodeEnv,
    PORT: port,
    HTTP_KEEP_ALIVE_SECONDS: int(raw, 'HTTP_KEEP_ALIVE_SECONDS', 65, 1, 3600),
    DATABASE_URL: url(raw, 'DATABASE_URL', ['postgres', 'postgresql'], defaultDb),
    REDIS_URL: url(raw, 'REDIS_URL', ['redis', 'rediss'], 'redis://127.0.0.1:6379'),
    SMTP_URL: smtp,
    MAIL_FROM: mailFrom,
    PUBLIC_URL: url(raw, 'PUBLIC_URL', ['http', 'https'], `http://localhost:${port}`).replace(/\/+$/, ''),
    JWT_SECRET: jwtSecret,
    JWT_TTL_SECONDS: int(raw, 'JWT_TTL_SECONDS', 86400, 60, 30 * 86400),
    ADMIN_EMAIL: adminEmail?.toLowerCase(),
    ADMIN_PASSWORD: adminPassword,
    LOG_LEVEL: logLevel as Env['LOG_LEVEL'],
    BODY_LIMIT: bodyLimit,
    RATE_LIMIT_DISABLED: bool(raw, 'RATE_LIMIT_DISABLED', false),
    TRUST_PROXY: trustProxy(raw),
    LOGIN_MAX_FAILURES: int(raw, 'LOGIN_MAX_FAILURES', 5, 1, 1000),
    LOGIN_MAX_FAILURES_PER_EMAIL: int(raw, 'LOGIN_MAX_FAILURES_PER_EMAIL', 50, 1, 100000),
    LOGIN_MAX_FAILURES_PER_ADDRESS: int(raw, 'LOGIN_MAX_FAILURES_PER_ADDRESS', 50, 1, 100000),
    LOGIN_WINDOW_SECONDS: int(raw, 'LOGIN_WINDOW_SECONDS', 900, 1, 86400),
    SIGNUPS_PER_ADDRESS_PER_HOUR: int(raw, 'SIGNUPS_PER_ADDRESS_PER_HOUR', 20, 1, 100000),
    PASSWORD_RESET_MAX_PER_HOUR: int(raw, 'PASSWORD_RESET_MAX_PER_HOUR', 5, 1, 1000),
    RESEND_LINK_MAX_PER_HOUR: int(raw, 'RESEND_LINK_MAX_PER_HOUR', 5, 1, 1000),
    REGISTRATIONS_PER_ADDRESS_PER_MINUTE: int(raw, 'REGISTRATIONS_PER_ADDRESS_PER_MINUTE', 30, 1, 100000),
    REGISTRATIONS_PER_ADDRESS_PER_EVENT_PER_HOUR: int(raw, 'REGISTRATIONS_PER_ADDRESS_PER_EVENT_PER_HOUR', 60, 1, 100000),
    DATABASE_POOL_SIZE: int(raw, 'DATABASE_POOL_SIZE', 20, 2, 1000),
    DATABASE_POOL_WAIT_MS: int(raw, 'DATABASE_POOL_WAIT_MS', 10000, 100, 600000),
    EXPORTS_PER_PROCESS: int(raw, 'EXPORTS_PER_PROCESS', 4, 1, 1000),
    EXPORTS_PER_USER: int(raw, 'EXPORTS_PER_USER', 2, 1, 1000),
    EXPORT_STALL_SECONDS: int(raw, 'EXPORT_STALL_SECONDS', 30, 1, 3600),
    MAIL_CONCURRENCY: int(raw, 'MAIL_CONCURRENCY', 16, 1, 500),
    MAIL_POOL_SIZE: int(raw, 'MAIL_POOL_SIZE', 5, 1, 100),
    MAIL_LEASE_SECONDS: int(raw, 'MAIL_LEASE_SECONDS', 120, 1, 3600),
    MAIL_MAX_ATTEMPTS: int(raw, 'MAIL_MAX_ATTEMPTS', 10, 1, 50),
    MAIL_RETRY_SCALE: num(raw, 'MAIL_RETRY_SCALE', 1, 0, 100),
    MAIL_POLL_MS: int(raw, 'MAIL_POLL_MS', 1000, 10, 60000),
    MAIL_REQUEUE_SECONDS: int(raw, 'MAIL_REQUEUE_SECONDS', 30, 1, 3600),
    FANOUT_BATCH_SIZE: int(raw, 'FANOUT_BATCH_SIZE', 500, 1, 10000),
    WORKER_NICE: int(raw, 'WORKER_NICE', 10, 0, 19),
    API_BUSY_CPU: num(raw, 'API_BUSY_CPU', 0.25, 0, 4),
    MAIL_PER_SECOND_WHILE_API_BUSY: int(raw, 'MAIL_PER_SECOND_WHILE_API_BUSY', 5, 1, 10000),
    WEB_DIR: str(raw, 'WEB_DIR', defaultWebDir()),
    RETENTION_REGISTRATION_MONTHS: int(raw, 'RETENTION_REGISTRATION_MONTHS', 24, 1, 1200),
    RETENTION_MAIL_DAYS: int(raw, 'RETENTION_MAIL_DAYS', 90, 1, 36500),
    RETENTION_STUDENT_MONTHS: int(raw, 'RETENTION_STUDENT_MONTHS', 12, 1, 1200),
    RETENTION_BATCH_SIZE: int(raw, 'RETENTION_BATCH_SIZE', 500, 1, 10000),
  };
}

/** Validate at boot: on a bad value print one line naming it and stop. */
export function loadEnvOrExit(raw: Raw = process.env): Env {
  try {
    return loadEnv(raw);
  } catch (e) {
    if (e instanceof EnvError) {
      process.stderr.write(`kinship: configuration error: ${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
}
