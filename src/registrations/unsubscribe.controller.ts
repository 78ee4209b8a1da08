import { Controller, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AskedLocale, ApiAskedLocale } from '../common/asked-locale';
import { UuidParam } from '../common/ids';
import type { Locale } from '../common/locales';
import { ApiNotFound, ProblemSchema } from '../common/openapi';
import { UnsubscribeQuery, UnsubscribeResponse } from './dto/unsubscribe.dto';
import { UnsubscribeService } from './unsubscribe.service';

/** Outside /api/v1: the URL is the one in the mail (its link and its List-Unsubscribe header). */
export const UNSUBSCRIBE_PATH = 'unsubscribe';

@ApiTags('registrations')
@Controller(UNSUBSCRIBE_PATH)
export class UnsubscribeController {
  constructor(private readonly unsubscribes: UnsubscribeService) {}

  @Post(':id')
  @HttpCode(200)
  @ApiOperation({
    summary: "Stop an event's organizer messages and reminders for one registration (RFC 8058 one-click)",
    description:
      'The URL of the List-Unsubscribe header of optional mail. No login: the signed token is the proof, good for ' +
      'this registration (one event, one recipient) only. The body, if any, is ignored: mail clients send ' +
      '`List-Unsubscribe=One-Click` as a form. GET on the same URL is the web page that asks first. Doing it again ' +
      'changes nothing. Confirmations, changes and cancellations are still sent.',
  })
  @ApiConsumes('application/x-www-form-urlencoded', 'multipart/form-data', 'application/json')
  @ApiAskedLocale(false)
  @ApiOkResponse({ type: UnsubscribeResponse, description: 'unsubscribed (now or before)' })
  @ApiBadRequestResponse({ description: 'invalid_request: no token, or a bad lang', type: ProblemSchema })
  @ApiNotFound('the registration, or a link whose signature does not match it')
  unsubscribe(
    @Param('id', UuidParam) id: string,
    @Query() q: UnsubscribeQuery,
    @AskedLocale() locale: Locale | null,
  ): Promise<UnsubscribeResponse> {
    return this.unsubscribes.unsubscribe(id, q.token, locale);
  }
}
