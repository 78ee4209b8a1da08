import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsLangTag, LANG_PROPERTY } from '../../common/asked-locale';
import { LOCALES, Locale } from '../../common/locales';

/** The link's query as the mail wrote it: its signature, and the mail's language. */
export class UnsubscribeQuery {
  @ApiProperty({ description: "the link's signature, from the mail", maxLength: 100 })
  @IsString()
  @MaxLength(100)
  token: string;

  @ApiPropertyOptional(LANG_PROPERTY)
  @IsOptional()
  @IsLangTag()
  lang?: string;
}

export class UnsubscribeResponse {
  @ApiProperty({ format: 'uuid' })
  registrationId: string;
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  @ApiProperty({ description: "the event's title in the asked language" })
  eventTitle: string;
  @ApiProperty({ enum: LOCALES, description: 'the language eventTitle is in' })
  locale: Locale;
  @ApiProperty({ format: 'date-time', description: 'when the family unsubscribed (the first time, if more than once)' })
  unsubscribedAt: string;
}
