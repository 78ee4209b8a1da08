import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { DateTime } from 'luxon';
import * as QRCode from 'qrcode';
import { parseInstant } from './format';
import type { RenderedMail, TicketData } from './mail-kinds';

export type MailAttachment = RenderedMail['attachments'][number];

/** The Content-ID the HTML of ticket mails points at (`<img src="cid:...">`). Unique within one message. */
export const QR_CID = 'checkin-code@kinship';

// The VTIMEZONE blocks are read from disk by the library; read each zone once.
const vtimezones = new Map<string, string | null>();
function vtimezone(zone: string): string | null {
  if (!vtimezones.has(zone)) vtimezones.set(zone, getVtimezoneComponent(zone));
  return vtimezones.get(zone) ?? null;
}

/** Where the event happens, as one line for a calendar: the venue, else the online link. */
export function eventLocation(event: TicketData['event']): string | null {
  if (event.format === 'online') return event.onlineUrl ?? null;
  return event.venue ?? event.onlineUrl ?? null;
}

/**
 * `invite.ics`: one VEVENT with a stable UID per registration, so a later confirmation or promotion
 * updates the same calendar entry instead of adding one. Times carry the event's IANA zone as TZID
 * with its VTIMEZONE, so calendars show the local wall-clock time whatever the reader's zone.
 */
export function buildInvite(data: TicketData, description: string): MailAttachment {
  const { event } = data;
  const zone = event.timezone;
  const start = DateTime.fromJSDate(parseInstant(event.startsAt, 'startsAt'), { zone });
  const end = DateTime.fromJSDate(parseInstant(event.endsAt, 'endsAt'), { zone });
  if (!start.isValid) throw new TypeError(`Invalid event time zone: ${JSON.stringify(zone)}`);

  // The calendar itself has no zone, so DTSTAMP stays in UTC as RFC 5545 wants; the generator still
  // emits a VTIMEZONE for every zone its events use.
  const calendar = ical({
    prodId: { company: 'Kinship', product: 'Kinship', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: null, generator: vtimezone },
  });
  calendar.createEvent({
    id: `${data.registrationId}@kinship`,
    summary: event.title,
    start,
    end,
    timezone: zone,
    location: eventLocation(event),
    // The event's page, never the manage link: calendar files are shared and synced to other services.
    url: data.event.url,
    description,
  });
  // RFC 5545 ends every content line, the last one included, with CRLF; the library omits the last.
  const ics = calendar.toString();
  return {
    filename: 'invite.ics',
    content: ics.endsWith('\r\n') ? ics : `${ics}\r\n`,
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    contentDisposition: 'attachment',
  };
}

/**
 * The PNG's rows are filtered with "Up" only: a QR image is blocks of identical rows, which that
 * filter turns into zeros. The encoder's default tries all five filters on every row and was the
 * largest cost of sending a ticket (about 10 ms of 17 ms per mail); this takes about a third of
 * the time, for a file of about 3 KB instead of 1.3 KB.
 */
const QR_OPTIONS = {
  type: 'png',
  errorCorrectionLevel: 'M',
  margin: 2,
  width: 240,
  rendererOpts: { filterType: 2, deflateLevel: 6 },
} as const;

/** The check-in code as a PNG QR image, inline, for the `cid:` the HTML references. */
export async function buildQrImage(code: string): Promise<MailAttachment> {
  if (typeof code !== 'string' || code.length === 0)
    throw new TypeError('A check-in code is required for the QR image');
  const content = await QRCode.toBuffer(code, { ...QR_OPTIONS });
  return {
    filename: 'check-in-code.png',
    content,
    contentType: 'image/png',
    cid: QR_CID,
    contentDisposition: 'inline',
  };
}
