import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Caller, isAdmin } from '../common/auth';
import { ForbiddenError, InvalidTransitionError, invalidFields, NotFoundError } from '../common/errors';
import { dateIn } from '../common/dates';
import { offsetOf, Page, pageOf } from '../common/pagination';
import { ProgramsRepository } from '../programs/programs.repository';
import {
  AuditEntryResponse,
  ConsentDto,
  ConsentResponse,
  CreateStudentDto,
  StudentResponse,
  StudentsQuery,
  UpdateStudentDto,
} from './dto/students.dto';
import { PageQuery } from '../common/pagination';
import { SponsorshipAccess } from './sponsorship-access';
import { toConsentResponse, toStudentResponse } from './sponsorships.mapper';
import { SponsorshipsRepository } from './sponsorships.repository';
import { canMove, ConsentPurpose, StudentStatus } from './student-rules';
import { Student } from './student.entity';

/** The fields an update may change, as (response name → column) pairs, for the audit trail. */
const FIELDS: [keyof UpdateStudentDto, (s: Student) => unknown, (s: Student, v: never) => void][] = [
  ['fullName', (s) => s.fullName, (s, v) => (s.fullName = v)],
  ['preferredName', (s) => s.preferredName, (s, v) => (s.preferredName = v)],
  ['birthDate', (s) => s.birthDate, (s, v) => (s.birthDate = v)],
  ['country', (s) => s.country, (s, v) => (s.country = v)],
  ['region', (s) => s.region, (s, v) => (s.region = v)],
  ['gradeLevel', (s) => s.gradeLevel, (s, v) => (s.gradeLevel = v)],
  [
    'school',
    (s) => ({ name: s.schoolName, town: s.schoolTown }),
    (s, v: { name: string; town: string }) => ((s.schoolName = v.name), (s.schoolTown = v.town)),
  ],
  [
    'annualNeed',
    (s) => ({ amount: s.annualNeedAmount, currency: s.annualNeedCurrency }),
    (s, v: { amount: number; currency: string }) => (
      (s.annualNeedAmount = v.amount),
      (s.annualNeedCurrency = v.currency)
    ),
  ],
  [
    'guardian',
    (s) => ({ name: s.guardianName, relationship: s.guardianRelationship, phone: s.guardianPhone }),
    (s, v: { name: string; relationship: string; phone: string }) => (
      (s.guardianName = v.name),
      (s.guardianRelationship = v.relationship),
      (s.guardianPhone = v.phone)
    ),
  ],
];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Fields whose values the audit trail never keeps (DESIGN.md, "Security and privacy"): it records
 * that they changed, not what they held or now hold, so a value erased or purged from the record
 * does not live on in its history. The others (grade, school, country, preferred name, need)
 * keep `{ from, to }`: a former sponsor's view is rebuilt from them (`cardBefore`).
 */
export const SENSITIVE_AUDIT_FIELDS: readonly string[] = ['fullName', 'birthDate', 'region', 'guardian'];

@Injectable()
export class StudentsService {
  private readonly logger = new Logger(StudentsService.name);

  constructor(
    private readonly repo: SponsorshipsRepository,
    private readonly programs: ProgramsRepository,
    private readonly access: SponsorshipAccess,
  ) {}

  async create(dto: CreateStudentDto, caller: Caller): Promise<StudentResponse> {
    const programId = dto.programId.toLowerCase();
    const program = await this.programs.findById(programId);
    if (!program) throw invalidFields([{ field: 'programId', message: 'programId names no program' }]);
    if (program.kind !== 'sponsorship') {
      throw invalidFields([
        { field: 'programId', message: 'programId names a program that is not a sponsorship program' },
      ]);
    }
    if (!(await this.access.organizes(programId, caller))) {
      throw new ForbiddenError('Only the program’s organizers may add its students');
    }
    const consentErrors = (dto.consents ?? []).flatMap((c, i) => consentProblems(c, `consents[${i}]`));
    if (consentErrors.length) throw invalidFields(consentErrors);
    const st = await this.repo.transaction(async (m) => {
      const st = await this.repo.insertStudent(m, {
        programId,
        fullName: dto.fullName,
        preferredName: dto.preferredName,
        birthDate: dto.birthDate,
        country: dto.country,
        region: dto.region ?? '',
        schoolName: dto.school.name,
        schoolTown: dto.school.town,
        gradeLevel: dto.gradeLevel,
        annualNeedAmount: dto.annualNeed.amount,
        annualNeedCurrency: dto.annualNeed.currency,
        guardianName: dto.guardian.name,
        guardianRelationship: dto.guardian.relationship,
        guardianPhone: dto.guardian.phone,
        status: 'waiting',
        reducedAt: null,
        waitingSince: new Date(),
        sponsoredAt: null,
        graduatedAt: null,
        withdrawnAt: null,
        createdBy: caller.id,
      });
      await this.repo.audit(m, st.id, caller.id, 'created', { programId });
      for (const c of dto.consents ?? []) await this.addConsent(m, st.id, c, caller);
      return st;
    });
    this.logger.log({ studentId: st.id, programId, userId: caller.id }, 'student added');
    return this.response(st);
  }

  async list(q: StudentsQuery, caller: Caller): Promise<Page<StudentResponse>> {
    const [rows, total] = await this.repo.pageStudents(
      {
        organizerId: isAdmin(caller) ? undefined : caller.id,
        status: q.status,
        programId: q.programId?.toLowerCase(),
        grade: q.grade || undefined,
        q: q.q || undefined,
      },
      offsetOf(q),
      q.limit,
    );
    const ids = rows.map((s) => s.id);
    const [consents, sponsorships] = await Promise.all([
      this.repo.consentsOf(ids),
      this.repo.sponsorshipsOfStudents(ids),
    ]);
    return pageOf(
      rows.map((s) =>
        toStudentResponse(
          s,
          consents,
          sponsorships.filter((x) => x.studentId === s.id),
        ),
      ),
      total,
      q,
    );
  }

  async get(id: string, caller: Caller): Promise<StudentResponse> {
    return this.response(await this.access.student(id, caller));
  }

  async update(id: string, dto: UpdateStudentDto, caller: Caller): Promise<StudentResponse> {
    const st = await this.repo.transaction(async (m) => {
      const st = await this.access.student(id, caller, m, true);
      const changes: Record<string, { from: unknown; to: unknown } | { changed: true }> = {};
      for (const [field, read, write] of FIELDS) {
        const next = dto[field];
        if (next === undefined) continue;
        const value = typeof next === 'object' ? { ...next } : next;
        if (same(read(st), value)) continue;
        changes[field] = SENSITIVE_AUDIT_FIELDS.includes(field)
          ? { changed: true as const }
          : { from: read(st), to: value };
        write(st, value as never);
      }
      if (dto.status && dto.status !== st.status) await this.move(m, st, dto.status, caller);
      if (Object.keys(changes).length) {
        await this.repo.saveStudent(m, st);
        await this.repo.audit(m, st.id, caller.id, 'updated', changes);
      }
      return st;
    });
    return this.response(st);
  }

  /**
   * Moves a student (locked) to `to` if the rules allow it: sponsored needs an active sponsorship,
   * waiting again needs none; graduating or leaving ends her sponsorships (their history stays).
   */
  async move(m: EntityManager, st: Student, to: StudentStatus, caller: Caller | null): Promise<void> {
    const from = st.status;
    if (!canMove(from, to)) throw new InvalidTransitionError(`A ${from} student cannot become ${to}`);
    const active = await this.repo.activeSponsorshipsOfStudent(m, st.id);
    if (to === 'sponsored' && !active.length) {
      throw new InvalidTransitionError('A student becomes sponsored by a sponsorship: create one');
    }
    if (to === 'waiting' && active.length) {
      throw new InvalidTransitionError('She still has active sponsorships: end them first');
    }
    if (to === 'graduated' || to === 'withdrawn') {
      const today = dateIn('UTC');
      for (const s of active) {
        await this.repo.endSponsorship(m, s.id, today);
        await this.repo.audit(m, st.id, caller?.id ?? null, 'sponsorship.ended', { sponsorshipId: s.id, reason: to });
      }
    }
    const now = new Date();
    st.status = to;
    if (to === 'waiting') st.waitingSince = now;
    if (to === 'sponsored') st.sponsoredAt = now;
    if (to === 'graduated') st.graduatedAt = now;
    if (to === 'withdrawn') st.withdrawnAt = now;
    await this.repo.saveStudent(m, st);
    await this.repo.audit(m, st.id, caller?.id ?? null, 'status', { status: { from, to } });
  }

  async audit(id: string, q: PageQuery, caller: Caller): Promise<Page<AuditEntryResponse>> {
    const st = await this.access.student(id, caller);
    const [rows, total] = await this.repo.auditPage(st.id, offsetOf(q), q.limit);
    return pageOf(
      rows.map((a) => ({
        id: String(a.id),
        actor: a.actorId ? { id: a.actorId, name: a.actorName ?? '' } : null,
        action: a.action,
        changes: a.changes,
        at: new Date(a.at).toISOString(),
      })),
      total,
      q,
    );
  }

  async grantConsent(id: string, dto: ConsentDto, caller: Caller): Promise<ConsentResponse> {
    const errors = consentProblems(dto, '');
    if (errors.length) throw invalidFields(errors);
    return this.repo.transaction(async (m) => {
      const st = await this.access.student(id, caller, m, true);
      return toConsentResponse(await this.addConsent(m, st.id, dto, caller));
    });
  }

  /** Withdrawing takes effect at once: every record of that purpose is stamped now. */
  async withdrawConsent(id: string, purpose: string, caller: Caller): Promise<ConsentResponse[]> {
    if (purpose !== 'share_progress' && purpose !== 'photos') throw new NotFoundError('The consent purpose');
    return this.repo.transaction(async (m) => {
      const st = await this.access.student(id, caller, m, true);
      const stamped = await this.repo.withdrawConsents(m, st.id, purpose as ConsentPurpose);
      if (!stamped.length) throw new InvalidTransitionError(`There is no ${purpose} consent to withdraw`);
      await this.repo.audit(m, st.id, caller.id, 'consent.withdrawn', { purpose });
      this.logger.log({ studentId: st.id, purpose, userId: caller.id }, 'consent withdrawn');
      return (await this.repo.consentsOf([st.id], m))
        .filter((c) => c.purpose === purpose)
        .map((c) => toConsentResponse(c));
    });
  }

  private async addConsent(m: EntityManager, studentId: string, c: ConsentDto, caller: Caller) {
    const row = await this.repo.insertConsent(m, {
      studentId,
      purpose: c.purpose,
      grantedBy: c.grantedBy,
      grantedAt: new Date(c.grantedAt),
      expiresAt: c.expiresAt ? new Date(c.expiresAt) : null,
      withdrawnAt: null,
      recordedBy: caller.id,
    });
    // Who granted it is a person's name: it stays on the consent record, not in the trail.
    await this.repo.audit(m, studentId, caller.id, 'consent.granted', {
      purpose: c.purpose,
      grantedAt: row.grantedAt.toISOString(),
      expiresAt: row.expiresAt?.toISOString() ?? null,
    });
    return row;
  }

  private async response(st: Student): Promise<StudentResponse> {
    const [consents, sponsorships] = await Promise.all([
      this.repo.consentsOf([st.id]),
      this.repo.sponsorshipsOfStudents([st.id]),
    ]);
    return toStudentResponse(st, consents, sponsorships);
  }
}

/** A consent cannot expire before it is given. */
function consentProblems(c: ConsentDto, prefix: string) {
  const field = (f: string) => (prefix ? `${prefix}.${f}` : f);
  if (c.expiresAt && new Date(c.expiresAt).getTime() <= new Date(c.grantedAt).getTime()) {
    return [{ field: field('expiresAt'), message: `${field('expiresAt')} must be after grantedAt` }];
  }
  return [];
}
