import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQuery, PageSchema } from '../../common/pagination';
import { IsSlug, OptionalNotNull, trim } from '../../common/validators';
import { PROGRAM_KINDS, ProgramKind } from '../program.entity';

export class CreateProgramDto {
  @ApiProperty({ example: 'Empowering Girls with Science and Technology', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({
    example: 'empowering-girls-with-science-and-technology',
    maxLength: 120,
    description: 'made from the name when left out (with -2, -3 … when taken); a given slug that is taken is refused',
  })
  @OptionalNotNull()
  @IsString()
  @IsSlug()
  slug?: string;

  @ApiPropertyOptional({ maxLength: 5000, default: '' })
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ enum: PROGRAM_KINDS })
  @IsIn(PROGRAM_KINDS)
  kind: ProgramKind;
}

export class ProgramsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'matches name or description', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: PROGRAM_KINDS })
  @IsOptional()
  @IsIn(PROGRAM_KINDS)
  kind?: ProgramKind;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true: only the programs the caller organizes (every program for an admin); needs the organizer role',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'mine must be true or false' })
  mine?: 'true' | 'false';
}

/** The co-organizers of a program or an event, replacing the current set (the creator always stays). */
export class SetOrganizersDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    maxItems: 50,
    description: 'users with the organizer role; an empty list removes every co-organizer',
  })
  @Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v)) : value,
  )
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(36, { each: true })
  @ArrayUnique()
  userIds: string[];
}

export class OrganizerRef {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  name: string;
}

export class ProgramResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  slug: string;
  @ApiProperty()
  name: string;
  @ApiProperty()
  description: string;
  @ApiProperty({ enum: PROGRAM_KINDS })
  kind: ProgramKind;
  @ApiProperty()
  createdAt: string;
  @ApiProperty()
  updatedAt: string;
  @ApiPropertyOptional({
    type: [OrganizerRef],
    description: "only for the program's organizers and admins: the creator first, then the co-organizers",
  })
  organizers?: OrganizerRef[];
}

export const ProgramPage = PageSchema(ProgramResponse);

export class ProgramReportCounts {
  @ApiProperty({ description: 'confirmed registrations' })
  families: number;
  @ApiProperty({ description: 'persons of the confirmed registrations' })
  persons: number;
  @ApiProperty({ description: 'adults among them' })
  adults: number;
  @ApiProperty({ description: 'children among them' })
  children: number;
  @ApiProperty({ description: 'waitlisted registrations' })
  waitlisted: number;
  @ApiProperty({ description: 'confirmed registrations with at least one person checked in' })
  checkedInFamilies: number;
  @ApiProperty({ description: 'persons of the confirmed registrations checked in' })
  checkedInPersons: number;
  @ApiProperty({ description: 'children among them' })
  checkedInChildren: number;
}

export class ProgramReportEvent extends ProgramReportCounts {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  slug: string;
  @ApiProperty({ description: "in the event's own language" })
  title: string;
  @ApiProperty({ format: 'date-time' })
  startsAt: string;
  @ApiProperty({ enum: ['published', 'cancelled'] })
  status: string;
}

export class ProgramReportResponse {
  @ApiProperty({ format: 'uuid' })
  programId: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ type: [ProgramReportEvent], description: 'its published and cancelled events, by start' })
  events: ProgramReportEvent[];
  @ApiProperty({ type: ProgramReportCounts, description: 'the sums over the events' })
  totals: ProgramReportCounts;
}
