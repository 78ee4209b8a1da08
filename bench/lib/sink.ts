import { AddressInfo } from 'node:net';
import { SMTPServer, SMTPServerDataStream } from 'smtp-server';

/** Messages to this address warm a sender up: the sink accepts them without counting them. */
export const WARM_UP_ADDRESS = 'warm-up@kinship.bench.example';

/**
 * An SMTP server that accepts every message and only counts it (no parsing), so the sink costs
 * as little as possible of the CPU the senders are measured on. `lastAt` is when the last message
 * was accepted (its 250 given). Messages to WARM_UP_ADDRESS alone are accepted and not counted.
 */
export class CountingSink {
  accepted = 0;
  bytes = 0;
  firstAt = 0;
  lastAt = 0;
  port = 0;
  private readonly server: SMTPServer;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      size: 20 * 1024 * 1024,
      onData: (stream: SMTPServerDataStream, session, callback: (err?: Error | null) => void) => {
        const to = session.envelope.rcptTo;
        if (to.length && to.every((r) => r.address === WARM_UP_ADDRESS)) {
          stream.resume();
          stream.on('end', () => callback(null));
          return;
        }
        stream.on('data', (d: Buffer) => (this.bytes += d.length));
        stream.on('end', () => {
          this.accepted += 1;
          this.lastAt = Date.now();
          if (!this.firstAt) this.firstAt = this.lastAt;
          callback(null);
        });
      },
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  reset(): void {
    this.accepted = 0;
    this.bytes = 0;
    this.firstAt = 0;
    this.lastAt = 0;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
