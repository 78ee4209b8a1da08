import { ApiProperty } from '@nestjs/swagger';
import { PageSchema } from '../../common/pagination';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { trim } from '../../common/validators';
import { MemberResponse } from '../../households/dto/household.dto';
import { MyRegistrationResponse } from '../../registrations/family/dto/family.dto';
import { SponsorshipResponse, StatementResponse } from '../../sponsorships/dto/sponsorships.dto';
import { UserResponse } from '../../users/users.mapper';
import { ERASURE_SUBJECTS, type ErasureSubject } from '../erasure.entity';

export class EraseAccountDto {
  @ApiProperty({ description: "the account's password, entered again", maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class AdminErasureDto {
  @ApiProperty({
    example: 'mei@example.org',
    maxLength: 254,
    description: 'the account with this email, and every registration made without an account under it',
  })
  @Transform(trim)
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email: string;
}

/** What an erasure removed, as counts: never the values themselves. */
export class ErasureResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: ERASURE_SUBJECTS })
  subject: ErasureSubject;
  @ApiProperty({ description: 'whether an account was deleted' })
  account: boolean;
  @ApiProperty({ description: 'registrations whose personal fields were removed' })
  registrations: number;
  @ApiProperty({ description: 'of those, active ones cancelled first (seats freed, the waitlist promoted)' })
  cancelled: number;
  @ApiProperty({ description: 'outbox rows purged' })
  mails: number;
  @ApiProperty({ description: 'sponsorships that lost their sponsor (their payments stay)' })
  sponsorships: number;
  @ApiProperty({ format: 'date-time' })
  at: string;
}

/** An erasure as the admins' log shows it: what kind, who asked, how much went; never what. */
export class ErasureRecordResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: ERASURE_SUBJECTS })
  subject: ErasureSubject;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: "the former account's or the registration's id (it names no one any more)",
  })
  subjectId: string | null;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'the admin who erased on request; null: the person themselves',
  })
  actorId: string | null;
  @ApiProperty()
  registrations: number;
  @ApiProperty()
  cancelled: number;
  @ApiProperty()
  mails: number;
  @ApiProperty()
  sponsorships: number;
  @ApiProperty({ format: 'date-time' })
  at: string;
}

export const ErasureRecordPage = PageSchema(ErasureRecordResponse);

export class HouseholdExport {
  @ApiProperty({ type: [MemberResponse] })
  members: MemberResponse[];
}

/** One consent as given with a registration. */
export class ConsentExport {
  @ApiProperty({ format: 'uuid' })
  registrationId: string;
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty()
  dataProcessing: boolean;
  @ApiProperty()
  photos: boolean;
  @ApiProperty({ format: 'date-time', description: 'when it was given (with the registration)' })
  givenAt: string;
}

/** A mail written to the account: what it was and what became of it, not its body. */
export class MailExport {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'registration.confirmed' })
  kind: string;
  @ApiProperty({ enum: ['pending', 'sending', 'sent', 'failed', 'skipped'] })
  status: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      "an organizer's message's subject; other kinds are named by `kind` (their subject is written when sent)",
  })
  subject: string | null;
  @ApiProperty({ enum: ['en', 'zh-CN', 'ne'] })
  locale: string;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  sentAt: string | null;
}

/** Everything Kinship holds about an account, in the shapes the API answers it in elsewhere. */
export class PersonalDataExport {
  @ApiProperty({ format: 'date-time' })
  exportedAt: string;
  @ApiProperty({ type: UserResponse, description: 'as GET /me' })
  profile: UserResponse;
  @ApiProperty({ type: HouseholdExport, description: 'as GET /me/household/members, every page' })
  household: HouseholdExport;
  @ApiProperty({
    type: [MyRegistrationResponse],
    description: 'as GET /me/registrations, every page: attendees, answers and consents included',
  })
  registrations: MyRegistrationResponse[];
  @ApiProperty({ type: [ConsentExport] })
  consents: ConsentExport[];
  @ApiProperty({ type: [MailExport], description: 'mails written to the account, newest first' })
  mails: MailExport[];
  @ApiProperty({ type: [SponsorshipResponse], description: 'as GET /me/sponsorships, every page, with payments' })
  sponsorships: SponsorshipResponse[];
  @ApiProperty({ type: [StatementResponse], description: 'each sponsorship’s statement for every year it ran' })
  statements: StatementResponse[];
}
