/**
 * Every email Kinship sends, and the data its template receives. The sender builds this data from
 * the outbox row (payload and, where freshness matters, the database) and renders it with
 * `renderMail` in the recipient's locale. URLs are absolute (built on PUBLIC_URL) by then.
 */
export const MAIL_KINDS = [
  'account.welcome',
  'account.password_reset',
  'registration.confirmed',
  'registration.waitlisted',
  'registration.promoted',
  'registration.changed',
  'registration.cancelled',
  'registration.manage_link',
  'registration.reminder',
  'event.changed',
  'event.cancelled',
  'event.message',
  'sponsorship.payment_due',
  'sponsorship.report_published',
  'sponsorship.annual_statement',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export function isMailKind(kind: string): kind is MailKind {
  return (MAIL_KINDS as readonly string[]).includes(kind);
}

/**
 * Mail a family can do without: an organizer's message and the reminder. Only these carry a
 * one-click unsubscribe (RFC 8058) and only these are held back from an address that bounced for
 * good or a family that unsubscribed. Everything else (welcome, reset, confirmations, changes,
 * cancellations, the sponsors' mail) is transactional and always sent.
 */
export const OPTIONAL_MAIL_KINDS: ReadonlySet<MailKind> = new Set<MailKind>(['event.message', 'registration.reminder']);

/** Optional mail names its one-click unsubscribe link, shown in the mail and sent as List-Unsubscribe. */
export interface Unsubscribable {
  /** Opens the web app's confirm page on GET; unsubscribes on POST (RFC 8058 one-click). */
  unsubscribeUrl: string;
}

/** What a mail says about an event. Times are ISO 8601 instants; templates show them in `timezone`. */
export interface MailEvent {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
  format: 'in_person' | 'online' | 'hybrid';
  venue: string | null;
  /** Only present for recipients allowed to see it (confirmed families). */
  onlineUrl: string | null;
  /** The event's public page. */
  url: string;
}

export interface MailAttendee {
  name: string;
  category: 'adult' | 'child';
}

export interface Money {
  /** Integer minor units (cents, paisa). */
  amount: number;
  /** ISO 4217. */
  currency: string;
}

interface RegistrationBase {
  /** The recipient's (contact's) name. */
  name: string;
  event: MailEvent;
  registrationId: string;
  /** Link to see, change or cancel the registration (carries the guest token for guests). */
  manageUrl: string;
}

/** Confirmed and promoted mails carry an .ics file and the check-in code as an inline QR image. */
export interface TicketData extends RegistrationBase {
  code: string;
  partySize: number;
  attendees: MailAttendee[];
}

export interface MailData {
  'account.welcome': { name: string; eventsUrl: string };
  'account.password_reset': { name: string; resetUrl: string; expiresAt: string };
  'registration.confirmed': TicketData;
  'registration.waitlisted': RegistrationBase & { position: number; partySize: number; attendees: MailAttendee[] };
  'registration.promoted': TicketData;
  'registration.changed': RegistrationBase & {
    status: 'confirmed' | 'waitlisted';
    /** Waitlist position when waitlisted, else null. */
    position: number | null;
    code: string;
    partySize: number;
    attendees: MailAttendee[];
  };
  'registration.cancelled': RegistrationBase;
  'registration.manage_link': RegistrationBase;
  'registration.reminder': RegistrationBase & Unsubscribable & { code: string; partySize: number };
  'event.changed': RegistrationBase & {
    changes: {
      field: 'startsAt' | 'endsAt' | 'timezone' | 'venue' | 'onlineUrl';
      from: string | null;
      to: string | null;
    }[];
  };
  'event.cancelled': RegistrationBase;
  'event.message': RegistrationBase & Unsubscribable & { subject: string; body: string; organizerName: string };
  'sponsorship.payment_due': {
    name: string;
    studentName: string;
    due: Money;
    dueDate: string;
    sponsorshipUrl: string;
  };
  'sponsorship.report_published': { name: string; studentName: string; term: string; reportUrl: string };
  'sponsorship.annual_statement': {
    name: string;
    studentName: string;
    year: number;
    totals: Money[];
    statementUrl: string;
  };
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
  /** Nodemailer attachments: `invite.ics` (text/calendar) and the QR code (`cid` referenced by the HTML). */
  attachments: {
    filename: string;
    content: Buffer | string;
    contentType: string;
    cid?: string;
    contentDisposition?: 'inline' | 'attachment';
  }[];
}
