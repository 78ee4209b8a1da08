import {
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { AppConfig } from '../config/config.module';
import { mailUrl, type MailUrlParts } from '../mail/links';
import type { MailData } from '../mail/mail-kinds';
import { Notification } from '../notifications/notification.entity';
import { MailPreparers, SkipMail } from '../notifications/preparers';
import { dateIn } from '../common/dates';
import { totalsByCurrency, unpaidOn } from './money';
import { SponsorshipAccess } from './sponsorship-access';
import { SponsorshipMail } from './sponsorship-mail';
import { commitmentOf } from './sponsorships.mapper';
import { SponsorshipsCoreModule } from './sponsorships-core.module';
import { SponsorshipsRepository } from './sponsorships.repository';
import { consentHolds } from './student-rules';

/** How often the daily job looks: it is idempotent (dedupe keys), so looking often is harmless. */
const SCHEDULE_EVERY_MS = 60 * 60 * 1000;
const BATCH = 200;

/**
 * The worker's side of sponsorship mail. Preparers turn each row into template data at send time,
 * from the state then: a reminder already paid, a report whose consent was withdrawn or whose
 * sponsorship ended, is skipped. Only the preferred name ever reaches a sponsor's mail.
 */
@Injectable()
export class SponsorshipMailWorker implements OnModuleInit {
  private readonly publicUrl: string;

  constructor(
    private readonly repo: SponsorshipsRepository,
    private readonly access: SponsorshipAccess,
    private readonly preparers: MailPreparers,
    config: AppConfig,
  ) {
    this.publicUrl = config.get('PUBLIC_URL');
  }

  onModuleInit(): void {
    this.preparers.register('sponsorship.payment_due', (row) => this.paymentDue(row));
    this.preparers.register('sponsorship.report_published', (row) => this.reportPublished(row));
    this.preparers.register('sponsorship.annual_statement', (row) => this.annualStatement(row));
  }

  /** A sponsor's page in the web app, in the language of the mail. */
  private url(row: Notification, sponsorshipId: string, rest = '', parts?: MailUrlParts): string {
    return mailUrl(this.publicUrl, `/me/sponsorships/${sponsorshipId}${rest}`, row.locale, parts);
  }

  async paymentDue(row: Notification): Promise<MailData['sponsorship.payment_due'] | SkipMail> {
    const p = row.payload as { sponsorshipId: string; dueDate: string };
    const s = await this.repo.findSponsorship(p.sponsorshipId);
    if (!s) return new SkipMail('the sponsorship no longer exists');
    const c = commitmentOf(s);
    if (c.lastDate && c.lastDate < p.dueDate) return new SkipMail('the sponsorship ended before this due date');
    const unpaid = unpaidOn(c, await this.repo.paymentsOf([s.id]), p.dueDate);
    if (!unpaid) return new SkipMail('this due date is paid');
    const st = (await this.repo.findStudent(s.studentId))!;
    return {
      name: row.recipientName ?? '',
      studentName: st.preferredName,
      due: { amount: unpaid, currency: s.currency },
      dueDate: p.dueDate,
      sponsorshipUrl: this.url(row, s.id),
    };
  }

  async reportPublished(row: Notification): Promise<MailData['sponsorship.report_published'] | SkipMail> {
    const p = row.payload as { sponsorshipId: string; reportId: string };
    const s = await this.repo.findSponsorship(p.sponsorshipId);
    const r = await this.repo.findReport(p.reportId);
    if (!s || !r || !r.publishedAt) return new SkipMail('the report is not published');
    if (s.status !== 'active') return new SkipMail('the sponsorship has ended');
    const consents = await this.repo.consentsOf([s.studentId]);
    if (!consents.some((c) => c.purpose === 'share_progress' && consentHolds(c))) {
      return new SkipMail('the share_progress consent does not hold');
    }
    const st = (await this.repo.findStudent(s.studentId))!;
    return {
      name: row.recipientName ?? '',
      studentName: st.preferredName,
      term: r.term,
      reportUrl: this.url(row, s.id, `/reports/${r.id}`),
    };
  }

  async annualStatement(row: Notification): Promise<MailData['sponsorship.annual_statement'] | SkipMail> {
    const p = row.payload as { sponsorshipId: string; year: number };
    const s = await this.repo.findSponsorship(p.sponsorshipId);
    if (!s) return new SkipMail('the sponsorship no longer exists');
    const st = (await this.repo.findStudent(s.studentId))!;
    // A former sponsor knows her by the name she had when the sponsorship ended.
    const student = await this.access.sponsorStudent(s, st, dateIn('UTC'));
    const payments = (await this.repo.paymentsOf([s.id])).filter((x) => x.receivedOn.startsWith(`${p.year}-`));
    return {
      name: row.recipientName ?? '',
      studentName: student.preferredName,
      year: Number(p.year),
      totals: totalsByCurrency(payments),
      statementUrl: this.url(row, s.id, '/statement', { query: { year: String(p.year) } }),
    };
  }
}

/**
 * The daily job: tops up each active sponsorship's payment-due reminders and, in January, plans
 * last year's statements. Every row's dedupe key names its cause (`sponsorship:<id>:due:<date>`,
 * `sponsorship:<id>:statement:<year>`), so two runs, or two workers, mail once.
 */
@Injectable()
export class SponsorshipScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SponsorshipScheduler.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly repo: SponsorshipsRepository,
    private readonly mail: SponsorshipMail,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.safeRun(), SCHEDULE_EVERY_MS);
    void this.safeRun();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async safeRun(): Promise<void> {
    try {
      await this.run();
    } catch (err) {
      this.logger.warn({ error: (err as Error).message }, 'sponsorship schedule failed; the next run tries again');
    }
  }

  /** One run for `today` (YYYY-MM-DD, UTC): answers how many rows it added. */
  async run(today = new Date().toISOString().slice(0, 10)): Promise<{ reminders: number; statements: number }> {
    const reminders = await this.planReminders(today);
    const statements = today.slice(5, 7) === '01' ? await this.planStatements(Number(today.slice(0, 4)) - 1) : 0;
    if (reminders || statements) this.logger.log({ reminders, statements, today }, 'sponsorship mail planned');
    return { reminders, statements };
  }

  async planReminders(today: string): Promise<number> {
    let planned = 0;
    for (let cursor = '00000000-0000-0000-0000-000000000000'; ;) {
      const page = await this.repo.activeAfter(cursor, BATCH);
      if (!page.length) break;
      await this.repo.transaction(async (m) => {
        for (const s of page) {
          const to = await this.repo.sponsorContact(s.id, m);
          if (to) planned += await this.mail.planReminders(m, s, to, today);
        }
      });
      cursor = page[page.length - 1].id;
    }
    return planned;
  }

  async planStatements(year: number): Promise<number> {
    let planned = 0;
    for (let cursor = '00000000-0000-0000-0000-000000000000'; ;) {
      const page = await this.repo.runningIn(year, cursor, BATCH);
      if (!page.length) break;
      await this.repo.transaction(async (m) => {
        for (const s of page) {
          const to = await this.repo.sponsorContact(s.id, m);
          if (to && (await this.mail.annualStatement(m, year, to))) planned += 1;
        }
      });
      cursor = page[page.length - 1].id;
    }
    return planned;
  }
}

@Module({
  imports: [SponsorshipsCoreModule],
  providers: [SponsorshipMailWorker, SponsorshipScheduler],
})
export class SponsorshipMailWorkerModule {}
