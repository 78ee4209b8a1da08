import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiAskedLocale, AskedLocale } from '../../common/asked-locale';
import { Authenticated, Caller, CurrentCaller } from '../../common/auth';
import { ClientAddress } from '../../common/client-address';
import type { Locale } from '../../common/locales';
import { ApiBodyErrors, ProblemSchema } from '../../common/openapi';
import { Page } from '../../common/pagination';
import {
  MyRegistrationPage,
  MyRegistrationResponse,
  MyRegistrationsQuery,
  ResendLinkAccepted,
  ResendLinkDto,
} from './dto/family.dto';
import { FamilyRegistrationsService } from './family-registrations.service';

@ApiTags('registrations')
@Controller()
export class FamilyRegistrationsController {
  constructor(private readonly family: FamilyRegistrationsService) {}

  @Post('registrations/resend-link')
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: ResendLinkAccepted,
    description:
      "always, whether or not the email holds an active registration for the event and whether or not its hourly limit is reached; a mail follows only when it does, within the limit. A guest's mail carries a new token: links sent before stop working",
  })
  @ApiBodyErrors()
  resendLink(@Body() dto: ResendLinkDto, @ClientAddress() address: string): Promise<ResendLinkAccepted> {
    return this.family.resendLink(dto, address);
  }

  @Get('me/registrations')
  @Authenticated()
  @ApiOkResponse({ type: MyRegistrationPage, description: "the caller's registrations, newest first" })
  @ApiBadRequestResponse({ description: 'invalid_request: a bad page, limit or lang', type: ProblemSchema })
  @ApiAskedLocale(false)
  mine(
    @Query() q: MyRegistrationsQuery,
    @CurrentCaller() caller: Caller,
    @AskedLocale() asked: Locale | null,
  ): Promise<Page<MyRegistrationResponse>> {
    return this.family.mine(q, caller, asked);
  }
}
