import { Injectable, Logger } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { Caller } from '../../common/auth';
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

/**
 * The attendee list as CSV, a row per attendee, streamed: Postgres writes the finished rows
 * (`COPY ... TO STDOUT`, cells formatted and guarded in SQL), Node writes the header and passes the
 * bytes on, each side waiting for the next (backpressure), so memory stays flat however long the
 * list. Anything that fails before the first byte is a problem+json answer; a fault after it cuts
 * the response off, so a client never mistakes a partial file for a whole one.
 */
@Injectable()
export class AttendeeExport {
  private readonly logger = new Logger(AttendeeExport.name);

  constructor(
    private readonly repo: OrganizerRegistrationsRepository,
    private readonly access: OrganizerAccess,
  ) {}

  async stream(eventId: string, status: ExportStatus, caller: Caller, res: Response): Promise<void> {
    const event = await this.access.eventFor(eventId, caller);
    const client = await this.repo.connectForStream();
    let failure: Error | undefined;
    let streaming = false;
    let bytes = 0;
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
      }, res);
      await this.repo.finishExport(client);
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
      // A connection that failed mid-copy is dropped rather than handed back to the pool.
      client.release(failure);
    }
  }
}

/** The header line as csv-stringify writes it, with the BOM that tells spreadsheet apps the file is UTF-8. */
function header(event: Event): string {
  const cells = [...COLUMNS, ...event.questions.map((q) => q.label)].map(safeCell);
  return stringify([cells], { bom: true, record_delimiter: 'windows' });
}
