import { AddressInfo } from 'node:net';
import { simpleParser, ParsedMail } from 'mailparser';
import { SMTPServer, SMTPServerAddress, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
  notificationId: string | undefined;
  messageId: string | undefined;
  parsed: ParsedMail;
}

type Verdict = { code: number; message: string } | null;

/**
 * A real SMTP server inside the test process. Mail is counted where it arrives. `refuse` decides
 * per message whether to answer with an error (451, 550) instead of accepting it; `refuseRecipient`
 * refuses an address at RCPT TO, as most servers refuse a mailbox that does not exist; `delayMs`
 * holds each message before answering (a slow server, to catch a worker mid-send).
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  /** Messages whose DATA has arrived but not yet been answered. */
  inFlight = 0;
  attempts = 0;
  refuse: (mail: { to: string; notificationId?: string; attempt: number }) => Verdict = () => null;
  refuseRecipient: (address: string) => Verdict = () => null;
  delayMs = 0;
  private readonly attemptsById = new Map<string, number>();
  /** Sessions whose client went away: a message not yet answered there is not delivered. */
  private readonly closed = new Set<string>();
  /** Messages dropped because the client vanished before the server answered. */
  dropped = 0;
  /** Connection-level errors (a client that reset its connection), by code. */
  readonly connectionErrors: string[] = [];
  private server: SMTPServer;
  port = 0;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onClose: (session: SMTPServerSession) => {
        this.closed.add(session.id);
      },
      size: 20 * 1024 * 1024,
      onRcptTo: (address: SMTPServerAddress, _session: SMTPServerSession, callback: (err?: Error | null) => void) => {
        const verdict = this.refuseRecipient(address.address.toLowerCase());
        callback(verdict ? Object.assign(new Error(verdict.message), { responseCode: verdict.code }) : null);
      },
      onData: (stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void) => {
        void this.onData(stream, session, callback);
      },
    });
    // A client killed mid-transaction resets its connection (ECONNRESET when it left unread data
    // behind); smtp-server reports that as an 'error' event, which unheard would end the process.
    // The connection's close still follows (onClose above).
    this.server.on('error', (err: Error & { code?: string }) => {
      this.connectionErrors.push(err.code ?? err.message);
    });
  }

  private async onData(
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
    callback: (err?: Error | null) => void,
  ) {
    this.attempts += 1;
    this.inFlight += 1;
    try {
      const parsed = await simpleParser(stream);
      const to = session.envelope.rcptTo.map((r) => r.address).join(',');
      const notificationId = parsed.headers.get('x-kinship-notification') as string | undefined;
      const key = notificationId ?? to;
      const attempt = (this.attemptsById.get(key) ?? 0) + 1;
      this.attemptsById.set(key, attempt);
      if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
      if (this.closed.has(session.id)) {
        // Like a real server: no 250 was given, so the message is not taken.
        this.dropped += 1;
        callback(new Error('client gone'));
        return;
      }
      const verdict = this.refuse({ to, notificationId, attempt });
      if (verdict) {
        callback(Object.assign(new Error(verdict.message), { responseCode: verdict.code }));
        return;
      }
      this.received.push({ to, subject: parsed.subject ?? '', notificationId, messageId: parsed.messageId, parsed });
      callback(null);
    } catch (err) {
      // The client went away in the middle of the message's DATA: dropped, like one whose answer
      // it did not wait for.
      if ((err as { code?: string }).code === 'ECONNECTION' || this.closed.has(session.id)) this.dropped += 1;
      callback(err as Error);
    } finally {
      this.inFlight -= 1;
    }
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.to === address.toLowerCase());
  }

  reset(): void {
    this.received.length = 0;
    this.attemptsById.clear();
    this.attempts = 0;
    this.refuse = () => null;
    this.refuseRecipient = () => null;
    this.delayMs = 0;
    this.dropped = 0;
  }

  async waitFor(count: number, timeoutMs = 15_000): Promise<ReceivedMail[]> {
    const until = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > until) throw new Error(`expected ${count} mails, got ${this.received.length}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    return this.received;
  }

  /** Waits for `count` mails to one address (other mail may arrive meanwhile). */
  async waitForTo(address: string, count = 1, timeoutMs = 15_000): Promise<ReceivedMail[]> {
    const until = Date.now() + timeoutMs;
    while (this.to(address).length < count) {
      if (Date.now() > until) throw new Error(`expected ${count} mails to ${address}, got ${this.to(address).length}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    return this.to(address);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
