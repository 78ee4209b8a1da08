import { Injectable, Logger } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { Caller } from '../../common/auth';
import { DomainError } from '../../common/errors';
import { AppConfig } from '../../config/config.module';
import type { Event } from '../../events/event.entity';
import { RegistrationStatus } from '../registration.entity';
import { CrlfRecords, safeCell } from './csv-cells';
import { ExportStatus } from './dto/organizer.dto';
import { OrganizerAccess } from './organizer-access';
import { OrganizerRegistrationsRepository } from './organizer-registrations.repository';

const STATUSES: Record<ExportStatus, RegistrationStatus[]> = {
  active: ['confirmed', 'waitlisted'],
  confirmed: ['confirmed'],
  waitlisted: ['waitlisted'],
  cancelled: ['cancelled'],
  all: ['confirmed', 'waitlisted', 'cancelled'],
};

const COLUMNS = [
  'Registration code',
  'Status',
  'Contact name',
  'Contact email',
  'Contact phone',
  'Attendee name',
  'Category',
  'Birth date',
  'Checked in at',
  'Registered at',
];

/** A client told to come back: exports free up as they finish. */
const BUSY_RETRY_SECONDS = 10;

/**
 * The exports this process streams: at most `perProcess` at once (each holds a pool connection
 * while it reads the rows), and `perUser` for one organizer, so one cannot take them all.
 */
export class ExportSlots {
  private running = 0;
  private readonly byUser = new Map<string, number>();

  constructor(
    private readonly perProcess: number,
    private readonly perUser: number,
  ) {}

  /** A slot for `userId`, or 429; the answer gives it back (once, however often called). */
  take(userId: string): () => void {
    const mine = this.byUser.get(userId) ?? 0;
    if (this.running >= this.perProcess || mine >= this.perUser) {
      throw new DomainError(
        429,
        'rate_limited',
        mine >= this.perUser
          ? `You have ${mine} exports running; try again when one has finished`
          : 'Too many exports are running; try again shortly',
        undefined,
        { retryAfter: BUSY_RETRY_SECONDS },
      );
    }
    this.running += 1;
    this.byUser.set(userId, mine + 1);
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.running -= 1;
      const left = this.byUser.get(userId)! - 1;
      if (left) this.byUser.set(userId, left);
      else this.byUser.delete(userId);
    };
  }
}

/**
 * The attendee list as CSV, a row per attendee, streamed: Postgres writes the finished rows
 * (`COPY ... TO STDOUT`, cells formatted and guarded in SQL), Node writes the header and passes the
 * bytes on, each side waiting for the next (backpressure), so memory stays flat however long the
 * list. Anything that fails before the first byte is a problem+json answer; a fault after it cuts
 * the response off, so a client never mistakes a partial file for a whole one.
 *
 * A slow client must not hold a pool connection for long: the exports running at once are capped
 * (`ExportSlots`), a reader that takes nothing for EXPORT_STALL_SECONDS is cut off (its connection
 * dropped), and the connection goes back to the pool as soon as every row is read, before the
 * last bytes reach the client.
 */
@Injectable()
export class AttendeeExport {
  private readonly logger = new Logger(AttendeeExport.name);
  private readonly slots: ExportSlots;
  private readonly stallMs: number;

  constructor(
    private readonly repo: OrganizerRegistrationsRepository,
    private readonly access: OrganizerAccess,
    config: AppConfig,
  ) {
    this.slots = new ExportSlots(config.get('EXPORTS_PER_PROCESS'), config.get('EXPORTS_PER_USER'));
    this.stallMs = config.get('EXPORT_STALL_SECONDS') * 1000;
  }

  async stream(eventId: string, status: ExportStatus, caller: Caller, res: Response): Promise<void> {
    const event = await this.access.eventFor(eventId, caller);
    const release = this.slots.take(caller.id);
    try {
      await this.send(event, status, caller, res);
    } finally {
      release();
    }
  }

  private async send(event: Event, status: ExportStatus, caller: Caller, res: Response): Promise<void> {
    const client = await this.repo.connectForStream();
    let held = true;
    // A connection that failed mid-copy is dropped rather than handed back to the pool.
    const giveBack = (err?: Error) => {
      if (held) client.release(err);
      held = false;
    };
    let failure: Error | undefined;
    let streaming = false;
    let bytes = 0;
    // A reader has stalled when the response waits on it (backpressure) and nothing more has gone
    // out to it since the last look. A slow database is no stall: then the response waits on us.
    let sent = -1;
    const stall = setInterval(() => {
      const now = res.socket?.bytesWritten ?? 0;
      if (res.writableNeedDrain && now === sent) res.destroy(new Error('the reader took nothing for too long'));
      sent = now;
    }, this.stallMs);
    const repo = this.repo;
    try {
      const copy = await this.repo.startExport(client, event, STATUSES[status]);
      const chunks = copy[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
      // The first chunk (or the end) means the query ran: if it failed, nothing has been sent yet.
      const first = await chunks.next();
      res.status(200);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${event.slug}-registrations.csv"`);
      res.setHeader('Cache-Control', 'no-store');
      const records = new CrlfRecords();
      streaming = true;
      await pipeline(async function* () {
        try {
          yield header(event);
          for (let next = first; !next.done; next = await chunks.next()) {
            bytes += next.value.length;
            yield records.convert(next.value);
          }
        } finally {
          await chunks.return?.();
        }
        // Every row is read: the connection goes back while the last bytes still travel.
        await repo.finishExport(client);
        giveBack();
      }, res);
      this.logger.log({ eventId: event.id, userId: caller.id, status, rows: copy.rowCount }, 'attendees exported');
    } catch (err) {
      failure = err as Error;
      if (!streaming) throw err;
      // Mid-stream (a database fault, or the client went away): cut the response off.
      this.logger.warn(
        { eventId: event.id, userId: caller.id, bytes, err: failure.message },
        'attendee export cut off',
      );
      res.destroy();
    } finally {
      clearInterval(stall);
      giveBack(failure);
    }
  }
}

/** The header line as csv-stringify writes it, with the BOM that tells spreadsheet apps the file is UTF-8. */
function header(event: Event): string {
  const cells = [...COLUMNS, ...event.questions.map((q) => q.label)].map(safeCell);
  return stringify([cells], { bom: true, record_delimiter: 'windows' });
}
