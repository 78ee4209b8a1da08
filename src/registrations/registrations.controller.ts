import { applyDecorators, Body, Controller, Get, Headers, HttpCode, Ip, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiQuery,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Caller, CurrentCaller } from '../common/auth';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { UuidParam } from '../common/ids';
import { ApiBodyErrors, ApiNotFound, ProblemSchema } from '../common/openapi';
import { RateLimiter } from '../common/rate-limiter';
import { AppConfig } from '../config/config.module';
import { CreateRegistrationDto, RegistrationResponse, UpdateRegistrationDto } from './dto/registration.dto';
import { RegistrationsService, Viewer } from './registrations.service';

// Both are optional: a signed-in family needs neither. The header's name is written as Express
// reads it, so the document lists one header, not two spellings of it.
const MANAGE_TOKEN = applyDecorators(
  ApiHeader({ name: 'x-manage-token', required: false, description: "a guest's manage token" }),
  ApiQuery({ name: 'token', required: false, deprecated: true, description: 'older mail links; send the header instead' }),
);

function viewer(caller: Caller | undefined, header: string | undefined, query: string | undefined): Viewer {
  return { caller, manageToken: header ?? query };
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
    description: 'rate_limited: too many registrations from one address',
    type: ProblemSchema,
  })
  @ApiBodyErrors()
  async register(
    @Param('id', UuidParam) eventId: string,
    @Body() dto: CreateRegistrationDto,
    @CurrentCaller() caller: Caller | undefined,
    @Ip() ip: string,
  ): Promise<RegistrationResponse> {
    await this.limiter.consume(`registrations:ip:${ip}`, this.config.get('REGISTRATIONS_PER_ADDRESS_PER_MINUTE'), 60);
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
    @Query('token') queryToken?: string,
  ): Promise<RegistrationResponse> {
    return this.registrations.get(id, viewer(caller, token, queryToken));
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
    @Query('token') queryToken?: string,
  ): Promise<RegistrationResponse> {
    return this.registrations.update(id, dto, viewer(caller, token, queryToken));
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
    @Query('token') queryToken?: string,
  ): Promise<RegistrationResponse> {
    return this.registrations.cancel(id, viewer(caller, token, queryToken));
  }
}
