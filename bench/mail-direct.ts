/**
 * Child process: the mail baseline. The same confirmations the worker sends (same kind, locale,
 * data, `.ics` and QR), rendered with the app's own `renderMail` and sent by Nodemailer's pooled
 * transport straight to the same sink, with the worker's pool size and as many in flight as the
 * worker's concurrency. Loading the data and a warm-up happen before the clock starts; no
 * database after.
 */
import { createTransport } from 'nodemailer';
import { Client } from 'pg';
import type { TicketData } from '../src/mail/mail-kinds';
import { lowerPriority } from '../src/common/priority';
import { renderMail } from '../src/mail/render';
import { guestToken, guestTokenKey } from '../src/registrations/guest-token';
import { WARM_UP_ADDRESS } from './lib/sink';

export interface MailDirectInput {
  databaseUrl: string;
  eventId: string;
  smtpUrl: string;
  poolSize: number;
  concurrency: number;
  publicUrl: string;
  jwtSecret: string;
  mailFrom: string;
  /** The worker's CPU priority (WORKER_NICE): the baseline sends at the same one. */
  nice: number;
  /** Messages sent before the clock starts (to the sink's warm-up address), as the worker is warm. */
  warmUp: number;
}

export interface MailDirectResult {
  sent: number;
  errors: number;
  firstError: string | null;
  startedAt: number;
  endedAt: number;
  /** CPU seconds (user + system) this process spent from its start of the clock to its end. */
  cpuSeconds: number;
}

interface Row {
  id: string;
  user_id: string | null;
  token_version: number;
  code: string;
  party_size: number;
  contact_name: string;
  contact_email: string;
  locale: 'en' | 'zh-CN';
  status: string;
  attendees: { name: string; category: 'adult' | 'child' }[];
}

async function main(): Promise<void> {
  const input = JSON.parse(process.argv[2]) as MailDirectInput;
  const priorityProblem = lowerPriority(input.nice);
  if (priorityProblem) throw new Error(priorityProblem);
  const db = new Client({ connectionString: input.databaseUrl });
  await db.connect();
  const { rows: events } = await db.query('SELECT * FROM events WHERE id = $1', [input.eventId]);
  const e = events[0];
  const { rows } = await db.query<Row>(
    `SELECT r.id, r.user_id, r.token_version, r.code, r.party_size, r.contact_name, r.contact_email, r.locale, r.status,
            (SELECT json_agg(json_build_object('name', a.name, 'category', a.category) ORDER BY a.position)
             FROM registration_attendees a WHERE a.registration_id = r.id) AS attendees
     FROM registrations r WHERE r.event_id = $1 ORDER BY r.seq`,
    [input.eventId],
  );
  await db.end();
  const key = guestTokenKey(input.jwtSecret);
  const domain = new URL(input.publicUrl).hostname;
  // What the worker's preparer builds for registration.confirmed (registration-mail.worker.ts).
  const ticketOf = (r: Row): TicketData => {
    const url = `${input.publicUrl}/registrations/${r.id}`;
    return {
      name: r.contact_name,
      event: {
        id: e.id,
        title: e.title,
        startsAt: e.starts_at.toISOString(),
        endsAt: e.ends_at.toISOString(),
        timezone: e.timezone,
        format: e.format,
        venue: e.venue,
        onlineUrl: r.status === 'confirmed' ? e.online_url : null,
        url: `${input.publicUrl}/events/${e.slug}`,
      },
      registrationId: r.id,
      manageUrl: r.user_id ? url : `${url}?token=${guestToken(key, r.id, r.token_version)}`,
      code: r.code,
      partySize: r.party_size,
      attendees: r.attendees,
    };
  };
  const transport = createTransport({
    url: input.smtpUrl,
    pool: true,
    maxConnections: input.poolSize,
    maxMessages: 1000,
  });
  let sent = 0;
  let errors = 0;
  let firstError: string | null = null;
  const sendOne = async (r: Row, to: string, tag: string) => {
    const mail = await renderMail('registration.confirmed', r.locale, ticketOf(r), { publicUrl: input.publicUrl });
    await transport.sendMail({
      from: input.mailFrom,
      to: { name: r.contact_name, address: to },
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      attachments: mail.attachments,
      headers: { 'Message-ID': `<${tag}-${r.id}@${domain}>`, 'X-Kinship-Notification': `${tag}-${r.id}` },
    });
  };
  /** `concurrency` lanes taking the rows in turn. */
  const lanes = async (list: Row[], send: (r: Row) => Promise<void>) => {
    let next = 0;
    const lane = async () => {
      while (next < list.length) await send(list[next++]);
    };
    await Promise.all(Array.from({ length: input.concurrency }, lane));
  };
  // Warm, like the long-running worker it is compared with: the first rows once, to the sink's
  // warm-up address (accepted, not counted), before the clock starts.
  await lanes(rows.slice(0, input.warmUp), (r) => sendOne(r, WARM_UP_ADDRESS, 'warm-up'));
  const startedAt = Date.now();
  const cpu0 = process.cpuUsage();
  await lanes(rows, async (r) => {
    try {
      await sendOne(r, r.contact_email, 'direct');
      sent += 1;
    } catch (err) {
      errors += 1;
      firstError ??= (err as Error).message;
    }
  });
  const endedAt = Date.now();
  const cpu = process.cpuUsage(cpu0);
  transport.close();
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const result: MailDirectResult = { sent, errors, firstError, startedAt, endedAt, cpuSeconds };
  process.send!(result);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
