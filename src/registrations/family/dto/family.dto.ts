import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsLangTag, LANG_PROPERTY } from '../../../common/asked-locale';
import { Locale, LOCALES } from '../../../common/locales';
import { PageQuery, PageSchema } from '../../../common/pagination';
import { trim } from '../../../common/validators';
import { EVENT_STATUSES, EventReadStatus } from '../../../events/event.entity';
import { RegistrationResponse } from '../../dto/registration.dto';

export class ResendLinkDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'eventId must be a uuid' })
  eventId: string;

  @ApiProperty({ example: 'mei@example.org', maxLength: 254, description: 'the contact email of the registration' })
  @Transform(trim)
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email: string;
}

export class ResendLinkAccepted {
  @ApiProperty({ example: 'If this email holds a registration for this event, a link to manage it is on its way.' })
  message: string;
}

export class MyRegistrationsQuery extends PageQuery {
  @ApiPropertyOptional(LANG_PROPERTY)
  @IsOptional()
  @IsLangTag()
  lang?: string;
}

export class EventSummary {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  slug: string;
  @ApiProperty({ description: 'in `locale`: the asked locale when the event has it, else its content language' })
  title: string;
  @ApiProperty({ enum: LOCALES, description: 'the language of title' })
  locale: Locale;
  @ApiProperty({ format: 'date-time' })
  startsAt: string;
  @ApiProperty({ format: 'date-time' })
  endsAt: string;
  @ApiProperty({ description: 'IANA time zone the event happens in' })
  timezone: string;
  @ApiProperty({ enum: [...EVENT_STATUSES, 'completed'], description: 'completed: published and its end has passed' })
  status: EventReadStatus;
}

export class MyRegistrationResponse extends RegistrationResponse {
  @ApiProperty({ type: EventSummary })
  event: EventSummary;
}

export const MyRegistrationPage = PageSchema(MyRegistrationResponse);
