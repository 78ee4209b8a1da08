import { Injectable, Logger } from '@nestjs/common';
import { Caller, hasRole, isAdmin } from '../common/auth';
import { ForbiddenError, invalidFields, NotFoundError, UnauthenticatedError } from '../common/errors';
import { isUuid } from '../common/ids';
import { offsetOf, Page, pageOf } from '../common/pagination';
import { insertWithFreeSlug, slugify } from '../common/slug';
import { UsersRepository } from '../users/users.repository';
import {
  CreateProgramDto,
  ProgramReportCounts,
  ProgramReportResponse,
  ProgramResponse,
  ProgramsQuery,
  SetOrganizersDto,
} from './dto/programs.dto';
import { organizerIdErrors } from './organizers';
import { toProgramResponse } from './programs.mapper';
import { ProgramsRepository } from './programs.repository';

/** What a caller may do with a program's events: `unknown` when the program does not exist. */
export type ProgramAccess = 'unknown' | 'forbidden' | 'ok';

@Injectable()
export class ProgramsService {
  private readonly logger = new Logger(ProgramsService.name);

  constructor(
    private readonly programs: ProgramsRepository,
    private readonly users: UsersRepository,
  ) {}

  async create(dto: CreateProgramDto, caller: Caller): Promise<ProgramResponse> {
    const program = await insertWithFreeSlug({
      given: dto.slug,
      base: slugify(dto.name, 'program'),
      taken: (base) => this.programs.slugsLike(base),
      insert: (slug) =>
        this.programs.insertIfSlugFree({
          slug,
          name: dto.name,
          description: dto.description ?? '',
          kind: dto.kind,
          createdBy: caller.id,
        }),
    });
    if (!program) throw invalidFields([{ field: 'slug', message: 'slug is already in use' }]);
    this.logger.log({ programId: program.id, userId: caller.id }, 'program created');
    return toProgramResponse(program, [{ id: caller.id, name: caller.name }]);
  }

  /** Programs are public; the list shows their public fields. */
  async list(q: ProgramsQuery, caller?: Caller): Promise<Page<ProgramResponse>> {
    let organizerId: string | undefined;
    if (q.mine === 'true') {
      // The console's list: the programs the caller organizes (every one for an admin).
      if (!caller) throw new UnauthenticatedError();
      if (!hasRole(caller, 'organizer'))
        throw new ForbiddenError('Only organizers and admins have programs of their own');
      organizerId = isAdmin(caller) ? undefined : caller.id;
    }
    const [rows, total] = await this.programs.page(q.q, q.kind, offsetOf(q), q.limit, organizerId);
    return pageOf(
      rows.map((p) => toProgramResponse(p)),
      total,
      q,
    );
  }

  async get(id: string, caller: Caller | undefined): Promise<ProgramResponse> {
    const program = await this.programs.findById(id);
    if (!program) throw new NotFoundError('The program');
    const organizers = await this.programs.organizersWithNames(id);
    const isOrganizer =
      isAdmin(caller) || (hasRole(caller, 'organizer') && organizers.some((o) => o.id === caller?.id));
    return toProgramResponse(program, isOrganizer ? organizers : undefined);
  }

  /** Replaces the co-organizers; only the creator or an admin may (a co-organizer may not name others). */
  async setOrganizers(id: string, dto: SetOrganizersDto, caller: Caller): Promise<ProgramResponse> {
    return this.programs.transaction(async (tx) => {
      const program = await this.programs.lockById(id, tx);
      if (!program) throw new NotFoundError('The program');
      if (!isAdmin(caller) && program.createdBy !== caller.id) {
        throw new ForbiddenError("Only the program's creator or an admin may change its organizers");
      }
      const errors = organizerIdErrors(dto.userIds, await this.users.findByIds(dto.userIds.filter(isUuid)));
      if (errors.length) throw invalidFields(errors);
      await this.programs.replaceCoOrganizers(
        id,
        dto.userIds.filter((u) => u !== program.createdBy),
        tx,
      );
      this.logger.log({ programId: id, userId: caller.id, count: dto.userIds.length }, 'program organizers set');
      return toProgramResponse(program, await this.programs.organizersWithNames(id, tx));
    });
  }

  /** The program's events and totals, for its organizers and admins (403 for other organizers). */
  async report(id: string, caller: Caller): Promise<ProgramReportResponse> {
    const access = await this.accessFor(id, caller);
    if (access === 'unknown') throw new NotFoundError('The program');
    if (access === 'forbidden') throw new ForbiddenError("Only the program's organizers and admins see its report");
    const program = (await this.programs.findById(id))!;
    const events = await this.programs.report(id);
    const totals: ProgramReportCounts = {
      families: 0,
      persons: 0,
      adults: 0,
      children: 0,
      waitlisted: 0,
      checkedInFamilies: 0,
      checkedInPersons: 0,
      checkedInChildren: 0,
    };
    for (const e of events) for (const k of Object.keys(totals) as (keyof ProgramReportCounts)[]) totals[k] += e[k];
    return { programId: program.id, name: program.name, events, totals };
  }

  /** Whether the caller may put events in this program: its organizers and admins may. */
  async accessFor(programId: string, caller: Caller): Promise<ProgramAccess> {
    const program = await this.programs.findById(programId);
    if (!program) return 'unknown';
    if (isAdmin(caller)) return 'ok';
    return hasRole(caller, 'organizer') && (await this.programs.isOrganizer(programId, caller.id)) ? 'ok' : 'forbidden';
  }
}
