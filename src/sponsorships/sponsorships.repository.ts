import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { returning } from '../database/sql';
import { escapeLike } from '../users/users.repository';
import type { Locale } from '../users/user.entity';
import type { ConsentPurpose, StudentStatus } from './student-rules';
import { Disbursement, Payment, ProgressReport, Sponsorship } from './sponsorship.entity';
import { Student, StudentAudit, StudentConsent } from './student.entity';

export type NewStudent = Omit<Student, 'id' | 'createdAt' | 'updatedAt' | 'program' | 'creator'>;
export type NewSponsorship = Omit<
  Sponsorship,
  'id' | 'createdAt' | 'student' | 'program' | 'sponsor' | 'status' | 'endedOn' | 'endedAt'
>;

/** Who a sponsorship's mail goes to. */
export interface SponsorContact {
  sponsorshipId: string;
  email: string;
  name: string;
  locale: Locale;
}

export interface StudentFilter {
  /** Only students of programs this user organizes (undefined: every program, for admins). */
  organizerId?: string;
  status?: StudentStatus;
  programId?: string;
  /** Her grade level, any case. */
  grade?: string;
  /** Part of her full or preferred name. */
  q?: string;
}

@Injectable()
export class SponsorshipsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  get manager(): EntityManager {
    return this.db.manager;
  }

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  // ---- students -----------------------------------------------------------------------------

  findStudent(id: string, m: EntityManager = this.db.manager): Promise<Student | null> {
    return m.getRepository(Student).findOneBy({ id });
  }

  /** The student row, locked until the transaction ends: status changes serialize on it. */
  lockStudent(m: EntityManager, id: string): Promise<Student | null> {
    return m
      .getRepository(Student)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.id = :id', { id })
      .getOne();
  }

  insertStudent(m: EntityManager, values: NewStudent): Promise<Student> {
    return m.getRepository(Student).save(m.getRepository(Student).create(values));
  }

  saveStudent(m: EntityManager, s: Student): Promise<Student> {
    return m.getRepository(Student).save(s);
  }

  /** A page of students; `waiting` lists the longest waiting first. */
  async pageStudents(f: StudentFilter, offset: number, limit: number): Promise<[Student[], number]> {
    const qb = this.db.getRepository(Student).createQueryBuilder('s').skip(offset).take(limit);
    if (f.organizerId) {
      qb.andWhere(
        `s.program_id IN (SELECT p.id FROM programs p WHERE p.created_by = :uid
           UNION SELECT po.program_id FROM program_organizers po WHERE po.user_id = :uid)`,
        { uid: f.organizerId },
      );
    }
    if (f.status) qb.andWhere('s.status = :status', { status: f.status });
    if (f.programId) qb.andWhere('s.program_id = :programId', { programId: f.programId });
    if (f.grade) qb.andWhere('lower(s.grade_level) = lower(:grade)', { grade: f.grade });
    if (f.q) {
      qb.andWhere('(s.full_name ILIKE :q OR s.preferred_name ILIKE :q)', { q: `%${escapeLike(f.q)}%` });
    }
    if (f.status === 'waiting') qb.orderBy('s.waiting_since', 'ASC', 'NULLS LAST');
    else qb.orderBy('s.created_at', 'DESC');
    qb.addOrderBy('s.id', 'ASC');
    return qb.getManyAndCount();
  }

  studentsOfProgram(programId: string): Promise<Student[]> {
    return this.db.getRepository(Student).find({ where: { programId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  // ---- consents -----------------------------------------------------------------------------

  consentsOf(studentIds: string[], m: EntityManager = this.db.manager): Promise<StudentConsent[]> {
    if (!studentIds.length) return Promise.resolve([]);
    return m
      .getRepository(StudentConsent)
      .find({ where: { studentId: In(studentIds) }, order: { grantedAt: 'DESC', createdAt: 'DESC' } });
  }

  insertConsent(
    m: EntityManager,
    values: Omit<StudentConsent, 'id' | 'createdAt' | 'student'>,
  ): Promise<StudentConsent> {
    return m.getRepository(StudentConsent).save(m.getRepository(StudentConsent).create(values));
  }

  /** Stamps every consent of that purpose not yet withdrawn; answers the ones it stamped. */
  withdrawConsents(m: EntityManager, studentId: string, purpose: ConsentPurpose): Promise<{ id: string }[]> {
    return returning(
      m,
      `UPDATE student_consents SET withdrawn_at = now()
       WHERE student_id = $1 AND purpose = $2 AND withdrawn_at IS NULL RETURNING id`,
      [studentId, purpose],
    );
  }

  // ---- audit --------------------------------------------------------------------------------

  async audit(
    m: EntityManager,
    studentId: string,
    actorId: string | null,
    action: string,
    changes: Record<string, unknown>,
  ) {
    await m.query(`INSERT INTO student_audit (student_id, actor_id, action, changes) VALUES ($1, $2, $3, $4)`, [
      studentId,
      actorId,
      action,
      JSON.stringify(changes),
    ]);
  }

  /** The record's updates after `at`, oldest first (each field → { from, to }). */
  async updatesAfter(studentId: string, at: Date): Promise<Record<string, unknown>[]> {
    const rows: { changes: Record<string, unknown> }[] = await this.db.query(
      `SELECT changes FROM student_audit WHERE student_id = $1 AND action = 'updated' AND at > $2 ORDER BY id`,
      [studentId, at],
    );
    return rows.map((r) => r.changes);
  }

  async auditPage(
    studentId: string,
    offset: number,
    limit: number,
  ): Promise<[(StudentAudit & { actorName: string | null })[], number]> {
    const rows: (StudentAudit & { actorName: string | null })[] = await this.db.query(
      `SELECT a.id, a.actor_id AS "actorId", u.name AS "actorName", a.action, a.changes, a.at
       FROM student_audit a LEFT JOIN users u ON u.id = a.actor_id
       WHERE a.student_id = $1 ORDER BY a.id DESC OFFSET $2 LIMIT $3`,
      [studentId, offset, limit],
    );
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM student_audit WHERE student_id = $1`, [
      studentId,
    ]);
    return [rows, n as number];
  }

  // ---- sponsorships -------------------------------------------------------------------------

  findSponsorship(id: string, m: EntityManager = this.db.manager): Promise<Sponsorship | null> {
    return m.getRepository(Sponsorship).findOneBy({ id });
  }

  lockSponsorship(m: EntityManager, id: string): Promise<Sponsorship | null> {
    return m
      .getRepository(Sponsorship)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.id = :id', { id })
      .getOne();
  }

  insertSponsorship(m: EntityManager, values: NewSponsorship): Promise<Sponsorship> {
    return m.getRepository(Sponsorship).save(m.getRepository(Sponsorship).create({ ...values, status: 'active' }));
  }

  async endSponsorship(m: EntityManager, id: string, endedOn: string): Promise<void> {
    await m.query(
      `UPDATE sponsorships SET status = 'ended', ended_on = $2, ended_at = now() WHERE id = $1 AND status = 'active'`,
      [id, endedOn],
    );
  }

  sponsorshipsOfStudents(studentIds: string[], m: EntityManager = this.db.manager): Promise<Sponsorship[]> {
    if (!studentIds.length) return Promise.resolve([]);
    return m.getRepository(Sponsorship).find({ where: { studentId: In(studentIds) }, order: { createdAt: 'ASC' } });
  }

  activeSponsorshipsOfStudent(m: EntityManager, studentId: string): Promise<Sponsorship[]> {
    return m.getRepository(Sponsorship).find({ where: { studentId, status: 'active' }, order: { createdAt: 'ASC' } });
  }

  /** The sponsor's own sponsorships, active first. */
  pageOfSponsor(userId: string, offset: number, limit: number): Promise<[Sponsorship[], number]> {
    return this.db
      .getRepository(Sponsorship)
      .createQueryBuilder('s')
      .where('s.sponsor_user_id = :userId', { userId })
      .orderBy(`(s.status = 'active')`, 'DESC')
      .addOrderBy('s.created_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .skip(offset)
      .take(limit)
      .getManyAndCount();
  }

  /** Active sponsorships after `cursor` (by id), for the daily reminder planning. */
  activeAfter(cursor: string, limit: number): Promise<Sponsorship[]> {
    return this.db
      .getRepository(Sponsorship)
      .createQueryBuilder('s')
      .where(`s.status = 'active' AND s.id > :cursor`, { cursor })
      .orderBy('s.id', 'ASC')
      .take(limit)
      .getMany();
  }

  /** Sponsorships that ran some part of `year`, after `cursor` (by id), for the annual statements. */
  runningIn(year: number, cursor: string, limit: number): Promise<Sponsorship[]> {
    return this.db
      .getRepository(Sponsorship)
      .createQueryBuilder('s')
      .where('s.id > :cursor', { cursor })
      .andWhere('s.start_date <= :last', { last: `${year}-12-31` })
      .andWhere('COALESCE(s.ended_on, s.end_date, :first) >= :first', { first: `${year}-01-01` })
      .orderBy('s.id', 'ASC')
      .take(limit)
      .getMany();
  }

  async sponsorContact(sponsorshipId: string, m: EntityManager = this.db.manager): Promise<SponsorContact | null> {
    const rows: SponsorContact[] = await m.query(
      `SELECT s.id AS "sponsorshipId", u.email, u.name, u.locale
       FROM sponsorships s JOIN users u ON u.id = s.sponsor_user_id WHERE s.id = $1`,
      [sponsorshipId],
    );
    return rows[0] ?? null;
  }

  // ---- money --------------------------------------------------------------------------------

  paymentsOf(sponsorshipIds: string[], m: EntityManager = this.db.manager): Promise<Payment[]> {
    if (!sponsorshipIds.length) return Promise.resolve([]);
    return m.getRepository(Payment).find({
      where: { sponsorshipId: In(sponsorshipIds) },
      order: { receivedOn: 'ASC', createdAt: 'ASC' },
    });
  }

  insertPayment(m: EntityManager, values: Omit<Payment, 'id' | 'createdAt' | 'sponsorship'>): Promise<Payment> {
    return m.getRepository(Payment).save(m.getRepository(Payment).create(values));
  }

  insertDisbursement(
    m: EntityManager,
    values: Omit<Disbursement, 'id' | 'createdAt' | 'student'>,
  ): Promise<Disbursement> {
    return m.getRepository(Disbursement).save(m.getRepository(Disbursement).create(values));
  }

  disbursementsOf(studentIds: string[]): Promise<Disbursement[]> {
    if (!studentIds.length) return Promise.resolve([]);
    return this.db.getRepository(Disbursement).find({ where: { studentId: In(studentIds) } });
  }

  // ---- reports ------------------------------------------------------------------------------

  insertReport(
    m: EntityManager,
    values: Omit<ProgressReport, 'id' | 'createdAt' | 'student'>,
  ): Promise<ProgressReport> {
    return m.getRepository(ProgressReport).save(m.getRepository(ProgressReport).create(values));
  }

  findReport(id: string, m: EntityManager = this.db.manager): Promise<ProgressReport | null> {
    return m.getRepository(ProgressReport).findOneBy({ id });
  }

  /** Publishes a draft; answers false when it was published already (or is gone). */
  async publishReport(m: EntityManager, id: string): Promise<boolean> {
    const rows = await returning(
      m,
      `UPDATE progress_reports SET published_at = now() WHERE id = $1 AND published_at IS NULL RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  reportsOf(studentId: string): Promise<ProgressReport[]> {
    return this.db.getRepository(ProgressReport).find({ where: { studentId }, order: { createdAt: 'DESC' } });
  }

  /** The newest published report of each student. */
  async latestPublished(studentIds: string[]): Promise<Map<string, ProgressReport>> {
    if (!studentIds.length) return new Map();
    const rows = await this.db
      .getRepository(ProgressReport)
      .createQueryBuilder('r')
      .distinctOn(['r.student_id'])
      .where('r.student_id IN (:...ids)', { ids: studentIds })
      .andWhere('r.published_at IS NOT NULL')
      .orderBy('r.student_id')
      .addOrderBy('r.published_at', 'DESC')
      .getMany();
    return new Map(rows.map((r) => [r.studentId, r]));
  }

  /** The newest report of the student published before `before`. */
  latestPublishedBefore(studentId: string, before: Date): Promise<ProgressReport | null> {
    return this.db
      .getRepository(ProgressReport)
      .createQueryBuilder('r')
      .where('r.student_id = :studentId AND r.published_at < :before', { studentId, before })
      .orderBy('r.published_at', 'DESC')
      .getOne();
  }

  /** The student's published reports, oldest first, only those published before `before` when given. */
  publishedPage(
    studentId: string,
    before: Date | null,
    offset: number,
    limit: number,
  ): Promise<[ProgressReport[], number]> {
    return this.published(studentId, before).skip(offset).take(limit).getManyAndCount();
  }

  /** One report of the student, if it is published (before `before` when given). */
  findPublished(studentId: string, reportId: string, before: Date | null): Promise<ProgressReport | null> {
    return this.published(studentId, before).andWhere('r.id = :reportId', { reportId }).getOne();
  }

  /** The reports published in `year`, and before `before` when given. */
  publishedIn(studentId: string, year: number, before: Date | null = null): Promise<ProgressReport[]> {
    return this.published(studentId, before)
      .andWhere(`r.published_at >= :from AND r.published_at < :to`, {
        from: `${year}-01-01T00:00:00Z`,
        to: `${year + 1}-01-01T00:00:00Z`,
      })
      .getMany();
  }

  /** The student's published reports (before `before` when given), oldest first: what her sponsors may read. */
  private published(studentId: string, before: Date | null) {
    const qb = this.db
      .getRepository(ProgressReport)
      .createQueryBuilder('r')
      .where('r.student_id = :studentId AND r.published_at IS NOT NULL', { studentId });
    if (before) qb.andWhere('r.published_at < :before', { before });
    return qb.orderBy('r.published_at', 'ASC').addOrderBy('r.id', 'ASC');
  }
}
