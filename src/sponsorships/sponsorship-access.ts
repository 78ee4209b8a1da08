import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Caller, hasRole, isAdmin } from '../common/auth';
import { NotFoundError } from '../common/errors';
import { ProgramsRepository } from '../programs/programs.repository';
import { SponsorshipsRepository } from './sponsorships.repository';
import { Sponsorship } from './sponsorship.entity';
import { cardBefore, SponsorCard, sponsorAge, sponsorshipCutoff } from './student-rules';
import { Student } from './student.entity';

/** The student as one sponsorship's sponsor may know her, with the end of what they may see. */
export interface SponsorStudent extends SponsorCard {
  id: string;
  age: number | null;
  /** Nothing about her published after this (null: the sponsorship runs). */
  cutoff: Date | null;
}

/**
 * Who may see what (DESIGN.md rule 6): a student's record is for her program's organizers (its
 * creator and co-organizers) and admins; a sponsorship also for its own sponsor. Anyone else gets
 * 404, as if it did not exist.
 */
@Injectable()
export class SponsorshipAccess {
  constructor(
    private readonly repo: SponsorshipsRepository,
    private readonly programs: ProgramsRepository,
  ) {}

  async organizes(programId: string, caller: Caller): Promise<boolean> {
    if (isAdmin(caller)) return true;
    return hasRole(caller, 'organizer') && this.programs.isOrganizer(programId, caller.id);
  }

  /** The student, for her program's organizers and admins; 404 for everyone else. */
  async student(id: string, caller: Caller, m?: EntityManager, lock = false): Promise<Student> {
    const st = m && lock ? await this.repo.lockStudent(m, id) : await this.repo.findStudent(id, m);
    if (!st || !(await this.organizes(st.programId, caller))) throw new NotFoundError('The student');
    return st;
  }

  /** The sponsorship, for the program's organizers and admins (`manage`), or also its sponsor. */
  async sponsorship(
    id: string,
    caller: Caller,
    opts: { manage?: boolean; m?: EntityManager; lock?: boolean } = {},
  ): Promise<Sponsorship> {
    const s =
      opts.m && opts.lock ? await this.repo.lockSponsorship(opts.m, id) : await this.repo.findSponsorship(id, opts.m);
    if (!s) throw new NotFoundError('The sponsorship');
    if (!opts.manage && s.sponsorUserId === caller.id) return s;
    if (!(await this.organizes(s.programId, caller))) throw new NotFoundError('The sponsorship');
    return s;
  }

  /**
   * The student as this sponsorship's sponsor may know her: as she is while it runs; once it has
   * ended, as she was then (the record's later updates undone, from the audit trail).
   */
  async sponsorStudent(s: Sponsorship, st: Student, today: string): Promise<SponsorStudent> {
    const cutoff = sponsorshipCutoff(s);
    const current: SponsorCard = {
      preferredName: st.preferredName,
      birthDate: st.birthDate,
      country: st.country,
      gradeLevel: st.gradeLevel,
      schoolTown: st.schoolTown,
    };
    const card = cutoff ? cardBefore(current, await this.repo.updatesAfter(st.id, cutoff)) : current;
    return { id: st.id, ...card, age: sponsorAge(card.birthDate, today, cutoff), cutoff };
  }
}
