import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Caller } from '../common/auth';
import { NotFoundError } from '../common/errors';
import type { Locale } from '../common/locales';
import { Page, PageQuery } from '../common/pagination';
import { HouseholdsRepository } from '../households/households.repository';
import { toMemberResponse } from '../households/households.service';
import { FamilyRegistrationsService } from '../registrations/family/family-registrations.service';
import { SponsorshipsService } from '../sponsorships/sponsorships.service';
import { UsersRepository } from '../users/users.repository';
import { toUserResponse } from '../users/users.mapper';
import { MailExport, PersonalDataExport } from './dto/privacy.dto';

/** Pages are read whole, this many rows at a time (the API's largest page). */
const PAGE = 100;

async function everyPage<T>(read: (q: PageQuery) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; ; page++) {
    const q = Object.assign(new PageQuery(), { page, limit: PAGE });
    const { items, total } = await read(q);
    out.push(...items);
    if (!items.length || out.length >= total) return out;
  }
}

/**
 * Everything Kinship holds about an account (GDPR Art. 15, PIPL Art. 45), built by the same code
 * that answers the account's own endpoints, so the export and the API cannot disagree: the
 * profile (GET /me), the household, the registrations with attendees, answers and consents,
 * the mails written to it (what and when, not their bodies), the sponsorships with payments and
 * every year's statement.
 */
@Injectable()
export class PersonalDataExportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly households: HouseholdsRepository,
    private readonly family: FamilyRegistrationsService,
    private readonly sponsorships: SponsorshipsService,
  ) {}

  async export(caller: Caller, asked: Locale | null): Promise<PersonalDataExport> {
    const user = await this.users.findById(caller.id);
    if (!user) throw new NotFoundError('The account');
    const members = await everyPage(async (q) => {
      const [rows, total] = await this.households.pageByOwner(user.id, (q.page - 1) * q.limit, q.limit);
      return { items: rows.map((m) => toMemberResponse(m)), total, page: q.page, limit: q.limit };
    });
    const registrations = await everyPage((q) => this.family.mine(q, caller, asked));
    const sponsorships = await everyPage((q) => this.sponsorships.mine(q, caller));
    const statements = [];
    for (const s of await this.sponsorships.ownRows(caller.id)) {
      for (const year of yearsOf(s.startDate, s.endedOn ?? s.endDate)) {
        statements.push(await this.sponsorships.statementOf(s, year));
      }
    }
    return {
      exportedAt: new Date().toISOString(),
      profile: toUserResponse(user),
      household: { members },
      registrations,
      consents: registrations.map((r) => ({
        registrationId: r.id,
        eventId: r.eventId,
        dataProcessing: r.consents.dataProcessing,
        photos: r.consents.photos,
        givenAt: r.createdAt,
      })),
      mails: await this.mails(user.email, registrations),
      sponsorships,
      statements,
    };
  }

  /**
   * Mails written to the account's email, and those about its registrations (written to their
   * contact email, which may differ), newest first.
   */
  private async mails(
    email: string,
    registrations: { id: string; contact: { email: string } }[],
  ): Promise<MailExport[]> {
    const addresses = [...new Set([email, ...registrations.map((r) => r.contact.email)])];
    const rows: {
      id: string;
      kind: string;
      status: string;
      subject: string | null;
      locale: string;
      created_at: Date;
      sent_at: Date | null;
    }[] = await this.db.query(
      `SELECT id, kind, status, payload ->> 'subject' AS subject, locale, created_at, sent_at
       FROM notifications
       WHERE recipient_email = ANY($1::text[]) AND (recipient_email = $2 OR payload ->> 'registrationId' = ANY($3::text[]))
       ORDER BY created_at DESC, id`,
      [addresses, email, registrations.map((r) => r.id)],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      subject: r.kind === 'event.message' ? r.subject : null,
      locale: r.locale,
      createdAt: r.created_at.toISOString(),
      sentAt: r.sent_at?.toISOString() ?? null,
    }));
  }
}

/** The calendar years a sponsorship ran in, up to this one. */
function yearsOf(start: string, end: string | null): number[] {
  const first = Number(start.slice(0, 4));
  const now = new Date().getUTCFullYear();
  const last = Math.min(now, end ? Number(end.slice(0, 4)) : now);
  const years: number[] = [];
  for (let y = first; y <= last; y++) years.push(y);
  return years;
}
