import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Authenticated, Caller, CurrentCaller } from '../common/auth';
import { ClientAddress } from '../common/client-address';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { UuidParam } from '../common/ids';
import { ApiBodyErrors, ApiNotFound, ProblemSchema } from '../common/openapi';
import { RateLimiter } from '../common/rate-limiter';
import { AppConfig } from '../config/config.module';
import { CreateRegistrationDto, RegistrationResponse, UpdateRegistrationDto } from './dto/registration.dto';
import { RegistrationsService, Viewer } from './registrations.service';

// Optional: a signed-in family needs none. The header's name is written as Express reads it, so
// the document lists one header, not two spellings of it. Never a query parameter: links carry
// the token in their fragment, which the web page reads and sends as this header.
const MANAGE_TOKEN = ApiHeader({ name: 'x-manage-token', required: false, description: "a guest's manage token" });

function viewer(caller: Caller | undefined, header: string | undefined): Viewer {
  return { caller, manageToken: header };
}

@ApiTags('registrations')
@Controller()
export class RegistrationsController {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  @Post('events/:id/registrations')
  @Idempotent()
  @ApiCreatedResponse({
    type: RegistrationResponse,
    description: 'confirmed, or waitlisted whole; guests get their manageToken',
  })
  @ApiNotFound('the event')
  @ApiConflictResponse({ description: 'event_full, already_registered, registration_closed', type: ProblemSchema })
  @ApiUnprocessableEntityResponse({
    description: 'ineligible: party size, child ages, consents, required answers',
    type: ProblemSchema,
  })
  @ApiTooManyRequestsResponse({
    description: 'rate_limited: too many registrations from one address (per minute, or for one event per hour)',
    type: ProblemSchema,
  })
  @ApiBodyErrors()
  async register(
    @Param('id', UuidParam) eventId: string,
    @Body() dto: CreateRegistrationDto,
    @CurrentCaller() caller: Caller | undefined,
    @ClientAddress() address: string,
  ): Promise<RegistrationResponse> {
    await this.limiter.take(
      {
        key: `registrations:ip:${address}`,
        max: this.config.get('REGISTRATIONS_PER_ADDRESS_PER_MINUTE'),
        windowSeconds: 60,
      },
      // one address filling one event slowly, under the per-minute limit
      {
        key: `registrations:ip:${address}:event:${eventId}`,
        max: this.config.get('REGISTRATIONS_PER_ADDRESS_PER_EVENT_PER_HOUR'),
        windowSeconds: 3600,
      },
    );
    return this.registrations.register(eventId, dto, caller);
  }

  @Get('registrations/:id')
  @MANAGE_TOKEN
  @ApiOkResponse({ type: RegistrationResponse })
  @ApiNotFound('the registration (or not yours)')
  get(
    @Param('id', UuidParam) id: string,
    @CurrentCaller() caller: Caller | undefined,
    @Headers('x-manage-token') token?: string,
  ): Promise<RegistrationResponse> {
    return this.registrations.get(id, viewer(caller, token));
  }

  @Patch('registrations/:id')
  @MANAGE_TOKEN
  @ApiOkResponse({ type: RegistrationResponse })
  @ApiNotFound('the registration (or not yours)')
  @ApiConflictResponse({
    description: 'event_full (no seats for more persons), invalid_transition, registration_closed',
    type: ProblemSchema,
  })
  @ApiUnprocessableEntityResponse({ description: 'ineligible', type: ProblemSchema })
  @ApiBodyErrors()
  update(
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateRegistrationDto,
    @CurrentCaller() caller: Caller | undefined,
    @Headers('x-manage-token') token?: string,
  ): Promise<RegistrationResponse> {
    return this.registrations.update(id, dto, viewer(caller, token));
  }

  @Post('registrations/:id/cancel')
  @HttpCode(200)
  @MANAGE_TOKEN
  @ApiOkResponse({ type: RegistrationResponse, description: 'cancelled (a second cancel answers the same)' })
  @ApiNotFound('the registration (or not yours)')
  cancel(
    @Param('id', UuidParam) id: string,
    @CurrentCaller() caller: Caller | undefined,
    @Headers('x-manage-token') token?: string,
  ): Promise<RegistrationResponse> {
    return this.registrations.cancel(id, viewer(caller, token));
  }

  @Post('registrations/:id/revoke-link')
  @HttpCode(204)
  @Authenticated()
  @ApiNoContentResponse({
    description: "the guest's manage link and token stop working (no mail; the guest may ask for a new link)",
  })
  @ApiForbiddenResponse({
    description: 'forbidden: only the event’s organizers and admins revoke links',
    type: ProblemSchema,
  })
  @ApiNotFound('the registration (or not yours)')
  revokeLink(@Param('id', UuidParam) id: string, @CurrentCaller() caller: Caller): Promise<void> {
    return this.registrations.revokeLink(id, caller);
  }
}
