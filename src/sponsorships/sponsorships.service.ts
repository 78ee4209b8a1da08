import { Injectable, Logger } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import { EntityManager } from 'typeorm';
import { Caller } from '../common/auth';
import { dateIn } from '../common/dates';
import { ForbiddenError, InvalidTransitionError, invalidFields, NotFoundError } from '../common/errors';
import { offsetOf, Page, PageQuery, pageOf } from '../common/pagination';
import { ProgramsRepository } from '../programs/programs.repository';
import { UsersRepository } from '../users/users.repository';
import {
  CreateDisbursementDto,
  CreatePaymentDto,
  CreateReportDto,
  CreateSponsorshipDto,
  DisbursementResponse,
  FundsLineResponse,
  FundsResponse,
  PaymentResponse,
  ReportResponse,
  SponsorshipResponse,
  StatementQuery,
  StatementResponse,
  StudentSponsorshipResponse,
} from './dto/sponsorships.dto';
import { majorUnits, standingOf, totalsByCurrency } from './money';
import { SponsorshipAccess } from './sponsorship-access';
import { SponsorshipMail } from './sponsorship-mail';
import { ProgressReport, Sponsorship } from './sponsorship.entity';
import {
  commitmentOf,
  toDisbursementResponse,
  toPaymentResponse,
  toReportResponse,
  toSponsorshipResponse,
} from './sponsorships.mapper';
import { SponsorshipsRepository } from './sponsorships.repository';
import { consentHolds, sponsorshipCutoff } from './student-rules';
import { StudentsService } from './students.service';

/** Today as the money rules count it (calendar dates in UTC). */
export const today = () => dateIn('UTC');

@Injectable()
export class SponsorshipsService {
  private readonly logger = new Logger(SponsorshipsService.name);

  constructor(
    private readonly repo: SponsorshipsRepository,
    private readonly programs: ProgramsRepository,
    private readonly users: UsersRepository,
    private readonly access: SponsorshipAccess,
    private readonly students: StudentsService,
    private readonly mail: SponsorshipMail,
  ) {}

  /**
   * A sponsor takes on a student: the student (locked) becomes sponsored if she was waiting, and
   * the first payment-due reminders are planned, in one transaction.
   */
  async create(dto: CreateSponsorshipDto, caller: Caller): Promise<SponsorshipResponse> {
    const programId = dto.programId.toLowerCase();
    const program = await this.programs.findById(programId);
    if (!program || program.kind !== 'sponsorship') {
      throw invalidFields([{ field: 'programId', message: 'programId names no sponsorship program' }]);
    }
    if (!(await this.access.organizes(programId, caller))) {
      throw new ForbiddenError('Only the program’s organizers may record its sponsorships');
    }
    const errors = [];
    const byEmail = dto.sponsorEmail !== undefined;
    if (byEmail === (dto.sponsorUserId !== undefined)) {
      throw invalidFields([{ field: 'sponsorUserId', message: 'give exactly one of sponsorUserId and sponsorEmail' }]);
    }
    const field = byEmail ? 'sponsorEmail' : 'sponsorUserId';
    const sponsor = byEmail
      ? await this.users.findByEmail(dto.sponsorEmail!)
      : await this.users.findById(dto.sponsorUserId!.toLowerCase());
    if (!sponsor) errors.push({ field, message: `${field} names no user` });
    else if (!sponsor.roles.includes('sponsor')) {
      errors.push({ field, message: `${field} names a user without the sponsor role` });
    }
    if (dto.endDate && dto.endDate < dto.startDate) {
      errors.push({ field: 'endDate', message: 'endDate must not be before startDate' });
    }
    if (errors.length) throw invalidFields(errors);
    const s = await this.repo.transaction(async (m) => {
      const st = await this.repo.lockStudent(m, dto.studentId.toLowerCase());
      if (!st || st.programId !== programId) {
        throw invalidFields([{ field: 'studentId', message: 'studentId names no student of this program' }]);
      }
      if (st.status === 'graduated' || st.status === 'withdrawn') {
        throw new InvalidTransitionError(`A ${st.status} student cannot be sponsored`);
      }
      const s = await this.repo.insertSponsorship(m, {
        studentId: st.id,
        programId,
        sponsorUserId: sponsor!.id,
        amount: dto.commitment.amount,
        currency: dto.commitment.currency,
        period: dto.commitment.period,
        startDate: dto.startDate,
        endDate: dto.endDate ?? null,
        createdBy: caller.id,
      });
      await this.repo.audit(m, st.id, caller.id, 'sponsorship.started', {
        sponsorshipId: s.id,
        sponsorUserId: s.sponsorUserId,
        commitment: { amount: s.amount, currency: s.currency, period: s.period },
      });
      if (st.status === 'waiting') await this.students.move(m, st, 'sponsored', caller);
      await this.mail.planReminders(
        m,
        s,
        { sponsorshipId: s.id, email: sponsor!.email, name: sponsor!.name, locale: sponsor!.locale },
        today(),
      );
      return s;
    });
    this.logger.log({ sponsorshipId: s.id, studentId: s.studentId, userId: caller.id }, 'sponsorship started');
    return this.view(s);
  }

  /** Ends it today (no due date after), keeping its history; her last one ending puts her back to waiting. */
  async end(id: string, caller: Caller): Promise<SponsorshipResponse> {
    const s = await this.repo.transaction(async (m) => {
      const found = await this.access.sponsorship(id, caller, { manage: true, m });
      if (!(await this.endIn(m, found, caller))) throw new InvalidTransitionError('The sponsorship has ended already');
      return (await this.repo.findSponsorship(found.id, m))!;
    });
    this.logger.log({ sponsorshipId: s.id, userId: caller.id }, 'sponsorship ended');
    return this.view(s);
  }

  /**
   * Ends an active sponsorship today inside the caller's transaction (by an organizer, or with
   * `caller` null when its sponsor erased their account); her last one ending puts her back to
   * waiting. Answers false when it had ended already.
   */
  async endIn(
    m: EntityManager,
    found: Pick<Sponsorship, 'id' | 'studentId'>,
    caller: Caller | null,
    reason?: string,
  ): Promise<boolean> {
    const st = await this.repo.lockStudent(m, found.studentId);
    const s = (await this.repo.lockSponsorship(m, found.id))!;
    if (s.status !== 'active') return false;
    await this.repo.endSponsorship(m, s.id, today());
    await this.repo.audit(m, s.studentId, caller?.id ?? null, 'sponsorship.ended', {
      sponsorshipId: s.id,
      ...(reason && { reason }),
    });
    const left = await this.repo.activeSponsorshipsOfStudent(m, s.studentId);
    if (st && st.status === 'sponsored' && !left.length) await this.students.move(m, st, 'waiting', caller);
    return true;
  }

  async pay(id: string, dto: CreatePaymentDto, caller: Caller): Promise<PaymentResponse> {
    if (dto.receivedOn > today()) {
      throw invalidFields([{ field: 'receivedOn', message: 'receivedOn must not be in the future' }]);
    }
    return this.repo.transaction(async (m) => {
      const s = await this.access.sponsorship(id, caller, { manage: true, m, lock: true });
      const p = await this.repo.insertPayment(m, {
        sponsorshipId: s.id,
        amount: dto.amount,
        currency: dto.currency,
        receivedOn: dto.receivedOn,
        method: dto.method,
        reference: dto.reference ?? '',
        recordedBy: caller.id,
      });
      this.logger.log({ sponsorshipId: s.id, paymentId: p.id, userId: caller.id }, 'payment recorded');
      return toPaymentResponse(p);
    });
  }

  async get(id: string, caller: Caller): Promise<SponsorshipResponse> {
    return this.view(await this.access.sponsorship(id, caller));
  }

  /** The caller's own sponsorships only: nothing of any other sponsor's. */
  async mine(q: PageQuery, caller: Caller): Promise<Page<SponsorshipResponse>> {
    const [rows, total] = await this.repo.pageOfSponsor(caller.id, offsetOf(q), q.limit);
    return pageOf(await this.views(rows), total, q);
  }

  /** Every sponsorship of this sponsor, for the export of their data. */
  async ownRows(userId: string): Promise<Sponsorship[]> {
    return (await this.repo.pageOfSponsor(userId, 0, 10_000))[0];
  }

  /**
   * The student's published reports as this sponsorship's sponsor may read them, oldest first: none
   * while share_progress does not hold (read on every request, so a withdrawal hides them at once),
   * and for a former sponsor only those published before the sponsorship ended.
   */
  async reports(id: string, q: PageQuery, caller: Caller): Promise<Page<ReportResponse>> {
    const s = await this.access.sponsorship(id, caller);
    if (!(await this.sharesProgress(s.studentId))) return pageOf([], 0, q);
    const [rows, total] = await this.repo.publishedPage(s.studentId, sponsorshipCutoff(s), offsetOf(q), q.limit);
    return pageOf(rows.map(toReportResponse), total, q);
  }

  /** One of those reports; 404 for a draft, another student's report, or while consent does not hold. */
  async report(id: string, reportId: string, caller: Caller): Promise<ReportResponse> {
    const s = await this.access.sponsorship(id, caller);
    const r = (await this.sharesProgress(s.studentId))
      ? await this.repo.findPublished(s.studentId, reportId, sponsorshipCutoff(s))
      : null;
    if (!r) throw new NotFoundError('The report');
    return toReportResponse(r);
  }

  async statement(id: string, year: number, caller: Caller): Promise<StatementResponse> {
    const s = await this.access.sponsorship(id, caller);
    return this.statementOf(s, year);
  }

  /** JSON, or the CSV file (headers set on `res`) with format=csv. */
  async statementAnswer(
    id: string,
    q: StatementQuery,
    caller: Caller,
    res: Response,
  ): Promise<StatementResponse | string> {
    if (q.format !== 'csv') return this.statement(id, q.year, caller);
    const csv = await this.statementCsv(id, q.year, caller);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${csv.filename}"`);
    res.setHeader('Cache-Control', 'no-store');
    return csv.body;
  }

  async statementCsv(id: string, year: number, caller: Caller): Promise<{ filename: string; body: string }> {
    const st = await this.statement(id, year, caller);
    const rows: string[][] = [['Date', 'Item', 'Amount', 'Currency', 'Method', 'Reference']];
    for (const p of st.payments) {
      rows.push([p.receivedOn, 'Payment', majorUnits(p), p.currency, p.method, safeCell(p.reference)]);
    }
    for (const t of st.totals) rows.push(['', `Total ${year}`, majorUnits(t), t.currency, '', '']);
    for (const r of st.reports) {
      rows.push([r.publishedAt!.slice(0, 10), safeCell(`Progress report: ${r.term}`), '', '', '', '']);
    }
    return {
      filename: `statement-${year}-${st.sponsorshipId.slice(0, 8)}.csv`,
      body: stringify(rows, { bom: true, record_delimiter: 'windows' }),
    };
  }

  /**
   * A sponsor's year: their payments received in it, the reports published in it (consent
   * allowing) and, once the sponsorship has ended, only those published before it ended; totals.
   */
  async statementOf(s: Sponsorship, year: number): Promise<StatementResponse> {
    const st = (await this.repo.findStudent(s.studentId))!;
    const student = await this.access.sponsorStudent(s, st, today());
    const payments = (await this.repo.paymentsOf([s.id])).filter((p) => p.receivedOn.startsWith(`${year}-`));
    const reports = (await this.sharesProgress(st.id)) ? await this.repo.publishedIn(st.id, year, student.cutoff) : [];
    return {
      sponsorshipId: s.id,
      year,
      studentName: student.preferredName,
      commitment: { amount: s.amount, currency: s.currency, period: s.period },
      payments: payments.map(toPaymentResponse),
      reports: reports.map(toReportResponse),
      totals: totalsByCurrency(payments),
    };
  }

  /** Per student of the program: committed (the due dates so far), received, disbursed and the balance, per currency. */
  async funds(programId: string, caller: Caller): Promise<FundsResponse> {
    const program = await this.programs.findById(programId);
    if (!program) throw new NotFoundError('The program');
    if (!(await this.access.organizes(programId, caller))) {
      throw new ForbiddenError('Only the program’s organizers may see its funds');
    }
    const students = await this.repo.studentsOfProgram(programId);
    const ids = students.map((s) => s.id);
    const [sponsorships, disbursements] = await Promise.all([
      this.repo.sponsorshipsOfStudents(ids),
      this.repo.disbursementsOf(ids),
    ]);
    const payments = await this.repo.paymentsOf(sponsorships.map((s) => s.id));
    const asOf = today();
    const lines = (studentIds: Set<string>): FundsLineResponse[] => {
      const sp = sponsorships.filter((s) => studentIds.has(s.studentId));
      const spIds = new Set(sp.map((s) => s.id));
      const committed = totalsByCurrency(
        sp.map((s) => ({ amount: standingOf(commitmentOf(s), [], asOf).due.amount, currency: s.currency })),
      );
      const received = totalsByCurrency(payments.filter((p) => spIds.has(p.sponsorshipId)));
      const disbursed = totalsByCurrency(disbursements.filter((d) => studentIds.has(d.studentId)));
      const currencies = [...new Set([...committed, ...received, ...disbursed].map((m) => m.currency))].sort();
      const of = (list: { amount: number; currency: string }[], c: string) =>
        list.find((m) => m.currency === c)?.amount ?? 0;
      return currencies.map((currency) => ({
        currency,
        committed: of(committed, currency),
        received: of(received, currency),
        disbursed: of(disbursed, currency),
        balance: of(received, currency) - of(disbursed, currency),
      }));
    };
    return {
      programId,
      students: students.map((st) => ({
        studentId: st.id,
        fullName: st.fullName,
        preferredName: st.preferredName,
        totals: lines(new Set([st.id])),
      })),
      totals: lines(new Set(ids)),
    };
  }

  /** Every sponsorship of the student, active first, with who sponsors her: for her program's organizers. */
  async ofStudent(studentId: string, caller: Caller): Promise<StudentSponsorshipResponse[]> {
    const st = await this.access.student(studentId, caller);
    const rows = await this.repo.sponsorshipsOfStudents([st.id]);
    rows.sort((a, b) => Number(b.status === 'active') - Number(a.status === 'active'));
    const [views, sponsors] = await Promise.all([
      this.views(rows),
      this.users.findByIds([...new Set(rows.map((s) => s.sponsorUserId).filter((id): id is string => !!id))]),
    ]);
    return views.map((v) => {
      const u = sponsors.find((x) => x.id === v.sponsorUserId);
      return { ...v, sponsor: u ? { id: u.id, name: u.name, email: u.email } : null };
    });
  }

  /** Her reports, drafts included, newest first: for her program's organizers. */
  async reportsOf(studentId: string, caller: Caller): Promise<ReportResponse[]> {
    const st = await this.access.student(studentId, caller);
    return (await this.repo.reportsOf(st.id)).map(toReportResponse);
  }

  /** What was paid out for her, newest first: for her program's organizers. */
  async disbursementsOf(studentId: string, caller: Caller): Promise<DisbursementResponse[]> {
    const st = await this.access.student(studentId, caller);
    const rows = await this.repo.disbursementsOf([st.id]);
    rows.sort((a, b) => b.paidOn.localeCompare(a.paidOn) || b.createdAt.getTime() - a.createdAt.getTime());
    return rows.map(toDisbursementResponse);
  }

  async disburse(studentId: string, dto: CreateDisbursementDto, caller: Caller): Promise<DisbursementResponse> {
    return this.repo.transaction(async (m) => {
      const st = await this.access.student(studentId, caller, m, true);
      const d = await this.repo.insertDisbursement(m, {
        studentId: st.id,
        category: dto.category,
        amount: dto.amount,
        currency: dto.currency,
        paidOn: dto.paidOn,
        payee: dto.payee,
        receiptReference: dto.receiptReference ?? '',
        recordedBy: caller.id,
      });
      await this.repo.audit(m, st.id, caller.id, 'disbursement', {
        disbursementId: d.id,
        category: d.category,
        amount: d.amount,
        currency: d.currency,
      });
      return toDisbursementResponse(d);
    });
  }

  async createReport(studentId: string, dto: CreateReportDto, caller: Caller): Promise<ReportResponse> {
    return this.repo.transaction(async (m) => {
      const st = await this.access.student(studentId, caller, m, true);
      const r = await this.repo.insertReport(m, {
        studentId: st.id,
        term: dto.term,
        gradeLevel: dto.gradeLevel,
        subjects: dto.subjects.map((s) => ({ name: s.name, grade: s.grade })),
        attendanceRate: dto.attendanceRate,
        promoted: dto.promoted,
        summary: dto.summary ?? '',
        publishedAt: null,
        createdBy: caller.id,
      });
      await this.repo.audit(m, st.id, caller.id, 'report.created', { reportId: r.id, term: r.term });
      if (dto.published) await this.publishIn(m, r, caller);
      return toReportResponse((await this.repo.findReport(r.id, m))!);
    });
  }

  async publishReport(studentId: string, reportId: string, caller: Caller): Promise<ReportResponse> {
    return this.repo.transaction(async (m) => {
      const st = await this.access.student(studentId, caller, m, true);
      const r = await this.repo.findReport(reportId, m);
      if (!r || r.studentId !== st.id) throw new NotFoundError('The report');
      if (r.publishedAt) throw new InvalidTransitionError('The report is published already');
      await this.publishIn(m, r, caller);
      return toReportResponse((await this.repo.findReport(r.id, m))!);
    });
  }

  /** Publishes and, while share_progress holds, mails each active sponsor of the student. */
  private async publishIn(m: EntityManager, r: ProgressReport, caller: Caller): Promise<void> {
    await this.repo.publishReport(m, r.id);
    await this.repo.audit(m, r.studentId, caller.id, 'report.published', { reportId: r.id, term: r.term });
    if (!(await this.sharesProgress(r.studentId, m))) return;
    for (const s of await this.repo.activeSponsorshipsOfStudent(m, r.studentId)) {
      const to = await this.repo.sponsorContact(s.id, m);
      if (to) await this.mail.reportPublished(m, r.id, to);
    }
  }

  /** Whether the student's share_progress consent holds now (read every time: withdrawal is immediate). */
  async sharesProgress(studentId: string, m?: EntityManager): Promise<boolean> {
    const consents = await this.repo.consentsOf([studentId], m);
    return consents.some((c) => c.purpose === 'share_progress' && consentHolds(c));
  }

  private async view(s: Sponsorship): Promise<SponsorshipResponse> {
    return (await this.views([s]))[0];
  }

  private async views(rows: Sponsorship[]): Promise<SponsorshipResponse[]> {
    if (!rows.length) return [];
    const studentIds = [...new Set(rows.map((s) => s.studentId))];
    const [payments, consents, latest, students] = await Promise.all([
      this.repo.paymentsOf(rows.map((s) => s.id)),
      this.repo.consentsOf(studentIds),
      this.repo.latestPublished(studentIds),
      Promise.all(studentIds.map((id) => this.repo.findStudent(id))),
    ]);
    const asOf = today();
    const year = Number(asOf.slice(0, 4));
    return Promise.all(
      rows.map(async (s) => {
        const st = students.find((x) => x?.id === s.studentId)!;
        const student = await this.access.sponsorStudent(s, st, asOf);
        const own = payments.filter((p) => p.sponsorshipId === s.id);
        const shares = consents.some((c) => c.studentId === st.id && c.purpose === 'share_progress' && consentHolds(c));
        // A former sponsor's latest report is the last one published before the sponsorship ended.
        const report = !shares
          ? null
          : student.cutoff
            ? await this.repo.latestPublishedBefore(st.id, student.cutoff)
            : (latest.get(st.id) ?? null);
        return toSponsorshipResponse(s, student, standingOf(commitmentOf(s), own, asOf), own, report, year);
      }),
    );
  }
}

/** A cell a spreadsheet would run as a formula starts with an apostrophe. */
function safeCell(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}
