import { Injectable, Logger } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import QueryStream from 'pg-query-stream';
import { Caller } from '../../common/auth';
import type { Event } from '../../events/event.entity';
import { RegistrationStatus } from '../registration.entity';
import { answerCell, instantCell, safeCell } from './csv-cells';
import { ExportStatus } from './dto/organizer.dto';
import { OrganizerAccess } from './organizer-access';
import { EXPORT_SQL, ExportRow, OrganizerRegistrationsRepository } from './organizer-registrations.repository';

/** Rows the cursor fetches at a time (also the stream's buffer, in rows). */
const BATCH = 500;

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
 * The attendee list as CSV, a row per attendee, streamed: a server-side cursor feeds csv-stringify,
 * which feeds the response, each waiting for the next (backpressure), so memory stays flat however
 * long the list. Anything that fails before the first byte is a problem+json answer; a fault after
 * it cuts the response off, so a client never mistakes a partial file for a whole one.
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
    let rows = 0;
    try {
      const source = client.query(new QueryStream(EXPORT_SQL, [event.id, STATUSES[status]], { batchSize: BATCH }));
      const cursor = source[Symbol.asyncIterator]() as AsyncIterator<ExportRow>;
      // The first fetch runs the query: if it fails, nothing has been sent yet.
      const first = await cursor.next();
      res.status(200);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${event.slug}-registrations.csv"`);
      res.setHeader('Cache-Control', 'no-store');
      const toRecord = recordOf(event);
      streaming = true;
      await pipeline(
        async function* () {
          try {
            yield header(event);
            for (let next = first; !next.done; next = await cursor.next()) {
              rows += 1;
              yield toRecord(next.value);
            }
          } finally {
            await cursor.return?.();
          }
        },
        // The BOM tells spreadsheet apps the file is UTF-8 (Chinese names read right).
        stringify({ bom: true, record_delimiter: 'windows' }),
        res,
      );
      this.logger.log({ eventId: event.id, userId: caller.id, status, rows }, 'attendees exported');
    } catch (err) {
      failure = err as Error;
      if (!streaming) throw err;
      // Mid-stream (a database fault, or the client went away): cut the response off.
      this.logger.warn({ eventId: event.id, userId: caller.id, rows, err: failure.message }, 'attendee export cut off');
      res.destroy();
    } finally {
      // A connection that failed mid-cursor is dropped rather than handed back to the pool.
      client.release(failure);
    }
  }
}

function header(event: Event): string[] {
  return [...COLUMNS, ...event.questions.map((q) => q.label)].map(safeCell);
}

function recordOf(event: Event): (row: ExportRow) => string[] {
  const zone = event.timezone;
  const questions = event.questions;
  return (row) =>
    [
      row.code,
      row.status,
      row.contact_name,
      row.contact_email,
      row.contact_phone ?? '',
      row.name,
      row.category,
      row.birth_date ?? '',
      instantCell(row.checked_in_at, zone),
      instantCell(row.created_at, zone),
      ...questions.map((q) => answerCell(row.answers?.[q.id])),
    ].map(safeCell);
}
