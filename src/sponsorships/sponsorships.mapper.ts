import { Money, Standing, committedInYear, totalsByCurrency } from './money';
import { ConsentResponse, FundingYearResponse, StudentResponse } from './dto/students.dto';
import { PaymentResponse, ReportResponse, SponsorshipResponse, DisbursementResponse } from './dto/sponsorships.dto';
import { Disbursement, Payment, ProgressReport, Sponsorship } from './sponsorship.entity';
import { consentHolds } from './student-rules';
import type { SponsorStudent } from './sponsorship-access';
import { Student, StudentConsent } from './student.entity';

const DAY_MS = 86_400_000;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A sponsorship's commitment, as the pure rules take it: no due date after its end or the day it ended. */
export function commitmentOf(s: Sponsorship) {
  const last = [s.endDate, s.endedOn].filter((d): d is string => !!d).sort()[0] ?? null;
  return { amount: s.amount, currency: s.currency, period: s.period, startDate: s.startDate, lastDate: last };
}

export function toConsentResponse(c: StudentConsent, at = new Date()): ConsentResponse {
  return {
    id: c.id,
    purpose: c.purpose,
    grantedBy: c.grantedBy,
    grantedAt: c.grantedAt.toISOString(),
    expiresAt: iso(c.expiresAt),
    withdrawnAt: iso(c.withdrawnAt),
    holds: consentHolds(c, at),
  };
}

/** What her sponsorships commit in `year` against her annual need. */
export function fundingOf(st: Student, sponsorships: Sponsorship[], year: number): FundingYearResponse {
  const committed = totalsByCurrency(
    sponsorships.map((s) => ({ amount: committedInYear(commitmentOf(s), year), currency: s.currency })),
  ).filter((m) => m.amount > 0);
  const same = committed.find((m) => m.currency === st.annualNeedCurrency)?.amount ?? 0;
  return {
    year,
    need: { amount: st.annualNeedAmount, currency: st.annualNeedCurrency },
    committed,
    unfunded: { amount: Math.max(0, st.annualNeedAmount - same), currency: st.annualNeedCurrency },
  };
}

/** The whole record, for the program's organizers and admins only. */
export function toStudentResponse(
  st: Student,
  consents: StudentConsent[],
  sponsorships: Sponsorship[],
  now = new Date(),
): StudentResponse {
  const year = now.getUTCFullYear();
  return {
    id: st.id,
    programId: st.programId,
    fullName: st.fullName,
    preferredName: st.preferredName,
    birthDate: st.birthDate,
    country: st.country,
    region: st.region,
    school: { name: st.schoolName, town: st.schoolTown },
    gradeLevel: st.gradeLevel,
    annualNeed: { amount: st.annualNeedAmount, currency: st.annualNeedCurrency },
    guardian: { name: st.guardianName, relationship: st.guardianRelationship, phone: st.guardianPhone },
    status: st.status,
    statusDates: {
      waitingSince: iso(st.waitingSince),
      sponsoredAt: iso(st.sponsoredAt),
      graduatedAt: iso(st.graduatedAt),
      withdrawnAt: iso(st.withdrawnAt),
    },
    daysWaiting:
      st.status === 'waiting' && st.waitingSince
        ? Math.floor((now.getTime() - st.waitingSince.getTime()) / DAY_MS)
        : null,
    consents: consents.filter((c) => c.studentId === st.id).map((c) => toConsentResponse(c, now)),
    funding: [year, year + 1].map((y) => fundingOf(st, sponsorships, y)),
    activeSponsorships: sponsorships.filter((s) => s.status === 'active').length,
    createdAt: st.createdAt.toISOString(),
    updatedAt: st.updatedAt.toISOString(),
  };
}

export function toReportResponse(r: ProgressReport): ReportResponse {
  return {
    id: r.id,
    term: r.term,
    gradeLevel: r.gradeLevel,
    subjects: r.subjects.map((s) => ({ name: s.name, grade: s.grade })),
    attendanceRate: r.attendanceRate,
    promoted: r.promoted,
    summary: r.summary,
    published: !!r.publishedAt,
    publishedAt: iso(r.publishedAt),
  };
}

export function toPaymentResponse(p: Payment): PaymentResponse {
  return {
    id: p.id,
    amount: p.amount,
    currency: p.currency,
    receivedOn: p.receivedOn,
    method: p.method,
    reference: p.reference,
  };
}

export function toDisbursementResponse(d: Disbursement): DisbursementResponse {
  return {
    id: d.id,
    studentId: d.studentId,
    category: d.category,
    amount: d.amount,
    currency: d.currency,
    paidOn: d.paidOn,
    payee: d.payee,
    receiptReference: d.receiptReference,
    createdAt: d.createdAt.toISOString(),
  };
}

/**
 * A sponsorship as its sponsor sees it. Built field by field from an allow-list: the student's
 * full name, birth date, region and guardian never enter it, nor any other sponsorship's money.
 * `latestReport` must already be null when the share_progress consent does not hold.
 */
export function toSponsorshipResponse(
  s: Sponsorship,
  st: SponsorStudent,
  standing: Standing,
  payments: Payment[],
  latestReport: ProgressReport | null,
  year: number,
): SponsorshipResponse {
  const money = (m: Money) => ({ amount: m.amount, currency: m.currency });
  return {
    id: s.id,
    programId: s.programId,
    sponsorUserId: s.sponsorUserId,
    status: s.status,
    commitment: { amount: s.amount, currency: s.currency, period: s.period },
    startDate: s.startDate,
    endDate: s.endDate,
    endedOn: s.endedOn,
    student: {
      id: st.id,
      preferredName: st.preferredName,
      age: st.age,
      country: st.country,
      gradeLevel: st.gradeLevel,
      schoolTown: st.schoolTown,
    },
    latestReport: latestReport ? toReportResponse(latestReport) : null,
    paidToDate: standing.paidToDate.map(money),
    due: money(standing.due),
    overdue: money(standing.overdue),
    nextDueDate: standing.nextDueDate,
    paidThisYear: totalsByCurrency(payments.filter((p) => p.receivedOn.startsWith(`${year}-`))).map(money),
    dues: standing.lines.map((l) => ({
      date: l.date,
      amount: l.amount,
      currency: s.currency,
      unpaid: l.unpaid,
      overdue: l.overdue,
    })),
    payments: [...payments].reverse().map(toPaymentResponse),
    createdAt: s.createdAt.toISOString(),
  };
}
