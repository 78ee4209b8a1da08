import { Injectable } from '@nestjs/common';
import { Caller } from '../common/auth';
import { ageOn, dateIn } from '../common/dates';
import { invalidFields, NotFoundError } from '../common/errors';
import { offsetOf, Page, PageQuery, pageOf } from '../common/pagination';
import { CreateMemberDto, MemberResponse, UpdateMemberDto } from './dto/household.dto';
import { HouseholdMember } from './household-member.entity';
import { HouseholdsRepository } from './households.repository';

/** Enough for any real household, small enough to keep a registration form sane. */
export const MAX_HOUSEHOLD_MEMBERS = 30;

export function toMemberResponse(m: HouseholdMember, today = dateIn('UTC')): MemberResponse {
  return {
    id: m.id,
    name: m.name,
    birthDate: m.birthDate,
    relationship: m.relationship,
    category: ageOn(m.birthDate, today) < 18 ? 'child' : 'adult',
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

/** A birth date in the future or more than 130 years back is a typing mistake. */
export function birthDateProblem(birthDate: string, today = dateIn('UTC')): string | null {
  if (birthDate > today) return 'birthDate must not be in the future';
  if (ageOn(birthDate, today) > 130) return 'birthDate must be within the last 130 years';
  return null;
}

@Injectable()
export class HouseholdsService {
  constructor(private readonly members: HouseholdsRepository) {}

  async list(caller: Caller, q: PageQuery): Promise<Page<MemberResponse>> {
    const [rows, total] = await this.members.pageByOwner(caller.id, offsetOf(q), q.limit);
    return pageOf(
      rows.map((m) => toMemberResponse(m)),
      total,
      q,
    );
  }

  async add(caller: Caller, dto: CreateMemberDto): Promise<MemberResponse> {
    checkBirthDate(dto.birthDate);
    const member = await this.members.insertUnderLimit(caller.id, dto, MAX_HOUSEHOLD_MEMBERS);
    if (!member)
      throw invalidFields([{ field: '(body)', message: `a household holds at most ${MAX_HOUSEHOLD_MEMBERS} members` }]);
    return toMemberResponse(member);
  }

  async update(caller: Caller, id: string, dto: UpdateMemberDto): Promise<MemberResponse> {
    const member = await this.members.findOwned(caller.id, id);
    if (!member) throw new NotFoundError('The household member');
    if (dto.birthDate !== undefined) checkBirthDate(dto.birthDate);
    Object.assign(member, dto);
    return toMemberResponse(await this.members.save(member));
  }

  async remove(caller: Caller, id: string): Promise<void> {
    if (!(await this.members.deleteOwned(caller.id, id))) throw new NotFoundError('The household member');
  }
}

function checkBirthDate(birthDate: string): void {
  const problem = birthDateProblem(birthDate);
  if (problem) throw invalidFields([{ field: 'birthDate', message: problem }]);
}
