import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery, PageSchema } from '../../common/pagination';
import { trim } from '../../common/validators';

export class MailSuppressionsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'part of the address, any case', maxLength: 254 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(254)
  q?: string;
}

/** An address that gets no optional mail (organizer messages, reminders) since its server refused it for good. */
export class MailSuppressionResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'no-such-family@example.org' })
  email: string;
  @ApiProperty({ example: 'bounced', description: 'bounced: the server refused the address permanently (SMTP 5xx)' })
  reason: string;
  @ApiProperty({ type: String, nullable: true, example: '550 5.1.1 <no-such-family@example.org>: no such user' })
  smtpResponse: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the outbox row that was refused' })
  notificationId: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export const MailSuppressionPage = PageSchema(MailSuppressionResponse);
