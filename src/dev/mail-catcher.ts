/**
 * A development mail catcher: an SMTP server that keeps every message it receives in memory, and a
 * small web inbox to read them. Started by `npm run demo`; never part of a deployment.
 *
 *   node dist/src/dev/mail-catcher.js [--smtp-port 1025] [--http-port 1080] [--host 127.0.0.1]
 *
 * The inbox lists the messages (newest first) and shows each one: its HTML in a sandboxed iframe
 * (no scripts, no same-origin access), its text, and its attachments to download. JSON for
 * scripts: GET /api/messages and GET /api/messages/:id; PUT /api/refused/:address makes the SMTP
 * server refuse that address (550 at RCPT TO) until DELETE /api/refused/:address.
 */
import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressObject, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

interface StoredAttachment {
  filename: string;
  contentType: string;
  size: number;
  inline: boolean;
  content: Buffer;
}

interface StoredMail {
  id: string;
  receivedAt: Date;
  envelopeFrom: string;
  envelopeTo: string[];
  subject: string;
  from: string;
  to: string;
  cc: string;
  date: Date;
  html: string | null;
  text: string | null;
  attachments: StoredAttachment[];
  size: number;
}

/** Oldest messages are dropped past this many, so a long demo cannot exhaust memory. */
const MAX_MESSAGES = 500;
const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

export class MailStore {
  private readonly mails: StoredMail[] = [];
  /** Addresses refused at RCPT TO (a mailbox that does not exist), for trying failures by hand. */
  readonly refused = new Set<string>();

  add(mail: StoredMail): void {
    this.mails.unshift(mail);
    if (this.mails.length > MAX_MESSAGES) this.mails.length = MAX_MESSAGES;
  }

  list(): readonly StoredMail[] {
    return this.mails;
  }

  get(id: string): StoredMail | undefined {
    return this.mails.find((m) => m.id === id);
  }

  clear(): void {
    this.mails.length = 0;
  }
}

function addresses(a: AddressObject | AddressObject[] | undefined): string {
  if (!a) return '';
  return (Array.isArray(a) ? a : [a]).map((x) => x.text).join(', ');
}

export function createSmtpServer(store: MailStore, log: (line: string) => void): SMTPServer {
  return new SMTPServer({
    // Development only: no TLS, and any login is accepted (a client configured with one still works).
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'anonymous' }),
    size: MAX_MESSAGE_BYTES,
    logger: false,
    banner: 'Kinship development mail catcher',
    onRcptTo(address, _session, callback) {
      if (store.refused.has(address.address.toLowerCase())) {
        log(`refused ${address.address}`);
        return callback(
          Object.assign(new Error('5.1.1 Mailbox unavailable (refused by the mail catcher)'), { responseCode: 550 }),
        );
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
          const mail: StoredMail = {
            id: randomUUID(),
            receivedAt: new Date(),
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            envelopeTo,
            subject: parsed.subject ?? '(no subject)',
            from: addresses(parsed.from),
            to: addresses(parsed.to) || envelopeTo.join(', '),
            cc: addresses(parsed.cc),
            date: parsed.date ?? new Date(),
            html: parsed.html || null,
            text: parsed.text ?? null,
            attachments: parsed.attachments.map((a, i) => ({
              filename: a.filename ?? `attachment-${i + 1}`,
              contentType: a.contentType,
              size: a.size,
              inline: a.related === true || a.contentDisposition === 'inline',
              content: a.content,
            })),
            size: 0,
          };
          mail.size =
            (mail.html?.length ?? 0) + (mail.text?.length ?? 0) + mail.attachments.reduce((n, a) => n + a.size, 0);
          store.add(mail);
          log(`received "${mail.subject}" for ${envelopeTo.join(', ')}`);
          callback();
        })
        .catch((e: unknown) => callback(e instanceof Error ? e : new Error(String(e))));
    },
  });
}

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const kb = (n: number): string => (n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KB`);

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
header{background:#27374d;color:#fff;padding:10px 20px;display:flex;gap:16px;align-items:center}
header a{color:#fff;text-decoration:none;font-weight:600}
main{padding:16px 20px;max-width:1100px}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{text-align:left;padding:7px 10px;border-bottom:1px solid #e3e6ea;vertical-align:top}
th{font-size:12px;text-transform:uppercase;color:#5b6472}
tr:hover td{background:#f0f4fa}
td a{color:#1f4f99;text-decoration:none}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 14px;background:#fff;padding:12px;margin:0 0 14px}
dt{color:#5b6472}dd{margin:0}
h2{font-size:15px;margin:18px 0 8px}
iframe{width:100%;height:520px;border:1px solid #d5d9df;background:#fff}
pre{white-space:pre-wrap;background:#fff;border:1px solid #d5d9df;padding:12px;margin:0}
.muted{color:#5b6472}
button{font:inherit;padding:3px 10px}
`;

function page(title: string, body: string, refresh = false): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
${refresh ? '<meta http-equiv="refresh" content="5">' : ''}<style>${STYLE}</style></head>
<body><header><a href="/">Kinship mail catcher</a><span class="muted" style="color:#c9d3e0">development inbox, kept in memory</span></header><main>${body}</main></body></html>`;
}

function listPage(store: MailStore): string {
  const rows = store
    .list()
    .map(
      (m) => `<tr><td><a href="/messages/${m.id}">${esc(m.subject)}</a></td><td>${esc(m.from)}</td><td>${esc(m.to)}</td>
<td title="${esc(m.date.toISOString())}">${esc(m.receivedAt.toLocaleString('en-GB'))}</td><td>${m.attachments.length || ''}</td></tr>`,
    )
    .join('');
  const body = store.list().length
    ? `<table><thead><tr><th>Subject</th><th>From</th><th>To</th><th>Received</th><th>Attachments</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p class="muted">No mail yet. Messages sent to this SMTP server appear here (the page refreshes itself).</p>';
  return page(
    `Inbox (${store.list().length})`,
    `<form method="post" action="/clear" style="float:right"><button>Delete all</button></form>
<h2>Inbox: ${store.list().length} message${store.list().length === 1 ? '' : 's'}</h2>${body}`,
    true,
  );
}

function messagePage(m: StoredMail): string {
  const attachments = m.attachments.length
    ? `<ul>${m.attachments
        .map(
          (a, i) =>
            `<li><a href="/messages/${m.id}/attachments/${i}">${esc(a.filename)}</a> <span class="muted">${esc(a.contentType)}, ${kb(a.size)}${a.inline ? ', inline' : ''}</span></li>`,
        )
        .join('')}</ul>`
    : '<p class="muted">None.</p>';
  // The HTML part is shown in a sandboxed iframe: no scripts, no forms, an opaque origin.
  const html = m.html
    ? `<iframe sandbox="" referrerpolicy="no-referrer" srcdoc="${esc(m.html)}"></iframe>`
    : '<p class="muted">No HTML part.</p>';
  return page(
    m.subject,
    `<p><a href="/">&larr; Inbox</a></p>
<dl><dt>Subject</dt><dd><strong>${esc(m.subject)}</strong></dd>
<dt>From</dt><dd>${esc(m.from)}</dd><dt>To</dt><dd>${esc(m.to)}</dd>${m.cc ? `<dt>Cc</dt><dd>${esc(m.cc)}</dd>` : ''}
<dt>Date</dt><dd>${esc(m.date.toUTCString())}</dd>
<dt>Envelope</dt><dd class="muted">from ${esc(m.envelopeFrom || '<>')} to ${esc(m.envelopeTo.join(', '))}</dd></dl>
<h2>HTML</h2>${html}
<h2>Text</h2>${m.text ? `<pre>${esc(m.text)}</pre>` : '<p class="muted">No text part.</p>'}
<h2>Attachments</h2>${attachments}`,
  );
}

function summary(m: StoredMail) {
  return {
    id: m.id,
    subject: m.subject,
    from: m.from,
    to: m.to,
    date: m.date.toISOString(),
    receivedAt: m.receivedAt.toISOString(),
    attachments: m.attachments.length,
  };
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    // Mail HTML lives in sandboxed srcdoc frames; remote images in mail may load, nothing else.
    'Content-Security-Policy':
      "default-src 'none'; style-src 'unsafe-inline'; img-src data: http: https:; frame-src 'self'; form-action 'self'",
    ...headers,
  });
  res.end(body);
}

export function createInbox(store: MailStore): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://inbox').pathname;
    const msg = /^\/(api\/)?messages\/([0-9a-f-]{36})(?:\/attachments\/(\d+))?$/.exec(path);
    const html = 'text/html; charset=utf-8';
    const json = 'application/json; charset=utf-8';
    if (req.method === 'GET' && path === '/') return send(res, 200, html, listPage(store));
    if (req.method === 'GET' && path === '/api/messages') {
      return send(res, 200, json, JSON.stringify(store.list().map(summary)));
    }
    if (req.method === 'POST' && path === '/clear') {
      store.clear();
      return send(res, 303, html, '', { Location: '/' });
    }
    if (req.method === 'DELETE' && path === '/api/messages') {
      store.clear();
      return send(res, 204, json, '');
    }
    // PUT refuses an address from now on (550 at RCPT TO), DELETE accepts it again.
    const refusal = /^\/api\/refused\/([^/]+)$/.exec(path);
    if (refusal && (req.method === 'PUT' || req.method === 'DELETE')) {
      const address = decodeURIComponent(refusal[1]).toLowerCase();
      if (req.method === 'PUT') store.refused.add(address);
      else store.refused.delete(address);
      return send(res, 204, json, '');
    }
    if (req.method === 'GET' && path === '/api/refused')
      return send(res, 200, json, JSON.stringify([...store.refused]));
    const m = msg && store.get(msg[2]);
    if (req.method === 'GET' && msg && m) {
      if (msg[3] !== undefined) {
        const a = m.attachments[Number(msg[3])];
        if (!a) return send(res, 404, 'text/plain', 'No such attachment\n');
        const name = a.filename.replace(/["\\\r\n]/g, '_');
        return send(res, 200, a.contentType || 'application/octet-stream', a.content, {
          'Content-Disposition': `attachment; filename="${name}"`,
        });
      }
      if (msg[1]) {
        return send(
          res,
          200,
          json,
          JSON.stringify({
            ...summary(m),
            cc: m.cc,
            envelope: { from: m.envelopeFrom, to: m.envelopeTo },
            text: m.text,
            html: m.html,
            attachments: m.attachments.map((a) => ({
              filename: a.filename,
              contentType: a.contentType,
              size: a.size,
              inline: a.inline,
            })),
          }),
        );
      }
      return send(res, 200, html, messagePage(m));
    }
    send(res, 404, 'text/plain', 'Not found\n');
  });
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function listen(server: Server | SMTPServer, port: number, host: string, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (e: Error & { code?: string }) =>
      reject(
        new Error(e.code === 'EADDRINUSE' ? `${what} port ${host}:${port} is already in use` : `${what}: ${e.message}`),
      ),
    );
    server.listen(port, host, () => resolve());
  });
}

async function main(): Promise<void> {
  const host = arg('host', '127.0.0.1');
  const smtpPort = Number(arg('smtp-port', '1025'));
  const httpPort = Number(arg('http-port', '1080'));
  const log = (line: string) => process.stdout.write(`mail-catcher: ${line}\n`);
  const store = new MailStore();
  const smtp = createSmtpServer(store, log);
  const inbox = createInbox(store);
  smtp.on('error', (e) => log(`smtp error: ${e.message}`));
  await listen(smtp, smtpPort, host, 'SMTP');
  await listen(inbox, httpPort, host, 'inbox');
  const shown = host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host;
  log(`SMTP on ${host}:${smtpPort}, inbox on http://${shown}:${httpPort}`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    inbox.closeAllConnections();
    inbox.close();
    smtp.close(() => process.exit(0));
    // Open SMTP sessions are not waited for long.
    setTimeout(() => process.exit(0), 1000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`mail-catcher: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
