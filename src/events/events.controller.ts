import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ApiAskedLocale, AskedLocale } from '../common/asked-locale';
import { Authenticated, Caller, CurrentCaller } from '../common/auth';
import type { Locale } from '../common/locales';
import { UuidParam } from '../common/ids';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { ApiBodyErrors, ApiNotFound, ProblemSchema } from '../common/openapi';
import { Page } from '../common/pagination';
import { SetOrganizersDto } from '../programs/dto/programs.dto';
import { CreateEventDto, EventPage, EventResponse, EventsQuery, UpdateEventDto } from './dto/events.dto';
import { EventsService } from './events.service';

const NOT_ORGANIZER = "forbidden: the caller's role may not act, or the event is visible but not theirs to change";
const FROZEN = 'invalid_transition: the event is cancelled or completed';

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Post()
  @Idempotent()
  @Authenticated('organizer')
  @ApiCreatedResponse({ type: EventResponse, description: 'a draft' })
  @ApiForbiddenResponse({
    description: "forbidden: the caller's role may not act, or programId names a program they do not organize",
    type: ProblemSchema,
  })
  @ApiBodyErrors()
  @ApiAskedLocale()
  create(
    @Body() dto: CreateEventDto,
    @CurrentCaller() caller: Caller,
    @AskedLocale() asked: Locale | null,
  ): Promise<EventResponse> {
    return this.events.create(dto, caller, asked);
  }

  @Get()
  @ApiOkResponse({
    type: EventPage,
    description: 'published events, upcoming and past, by start; with mine=true the caller’s own events',
  })
  @ApiBadRequestResponse({ description: 'invalid_request: a bad filter, page, limit or lang', type: ProblemSchema })
  @ApiUnauthorizedResponse({ description: 'unauthenticated: mine=true without a sign-in', type: ProblemSchema })
  @ApiForbiddenResponse({
    description: 'forbidden: mine=true from a caller without the organizer role',
    type: ProblemSchema,
  })
  @ApiAskedLocale(false)
  list(
    @Query() q: EventsQuery,
    @CurrentCaller() caller: Caller | undefined,
    @AskedLocale() asked: Locale | null,
  ): Promise<Page<EventResponse>> {
    return this.events.list(q, caller, asked);
  }

  @Get(':idOrSlug')
  @ApiParam({ name: 'idOrSlug', description: 'the event id or its slug' })
  @ApiOkResponse({ type: EventResponse })
  @ApiBadRequestResponse({ description: 'invalid_request: a lang Kinship does not speak', type: ProblemSchema })
  @ApiNotFound('the event (a draft is visible only to its organizers and admins)')
  @ApiAskedLocale()
  get(
    @Param('idOrSlug') idOrSlug: string,
    @CurrentCaller() caller: Caller | undefined,
    @AskedLocale() asked: Locale | null,
  ): Promise<EventResponse> {
    return this.events.get(idOrSlug, caller, asked);
  }

  @Patch(':id')
  @Authenticated('organizer')
  @ApiOkResponse({ type: EventResponse })
  @ApiForbiddenResponse({ description: NOT_ORGANIZER, type: ProblemSchema })
  @ApiNotFound('the event')
  @ApiConflictResponse({
    description: `${FROZEN}; capacity_below_taken: capacity would drop below the seats taken`,
    type: ProblemSchema,
  })
  @ApiBodyErrors()
  @ApiAskedLocale()
  update(
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateEventDto,
    @CurrentCaller() caller: Caller,
    @AskedLocale() asked: Locale | null,
  ): Promise<EventResponse> {
    return this.events.update(id, dto, caller, asked);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Authenticated('organizer')
  @ApiOkResponse({ type: EventResponse })
  @ApiBadRequestResponse({
    description: 'invalid_request: the event fails a rule and cannot be published',
    type: ProblemSchema,
  })
  @ApiForbiddenResponse({ description: NOT_ORGANIZER, type: ProblemSchema })
  @ApiNotFound('the event')
  @ApiConflictResponse({ description: 'invalid_transition: only a draft can be published', type: ProblemSchema })
  @ApiAskedLocale()
  publish(
    @Param('id', UuidParam) id: string,
    @CurrentCaller() caller: Caller,
    @AskedLocale() asked: Locale | null,
  ): Promise<EventResponse> {
    return this.events.publish(id, caller, asked);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Authenticated('organizer')
  @ApiOkResponse({ type: EventResponse })
  @ApiForbiddenResponse({ description: NOT_ORGANIZER, type: ProblemSchema })
  @ApiNotFound('the event')
  @ApiConflictResponse({ description: FROZEN, type: ProblemSchema })
  @ApiBadRequestResponse({ description: 'invalid_request: a lang Kinship does not speak', type: ProblemSchema })
  @ApiAskedLocale()
  cancel(
    @Param('id', UuidParam) id: string,
    @CurrentCaller() caller: Caller,
    @AskedLocale() asked: Locale | null,
  ): Promise<EventResponse> {
    return this.events.cancel(id, caller, asked);
  }

  @Put(':id/organizers')
  @Authenticated('organizer')
  @ApiOkResponse({ type: EventResponse })
  @ApiForbiddenResponse({
    description: "forbidden: the caller is neither the event's creator nor an admin",
    type: ProblemSchema,
  })
  @ApiNotFound('the event')
  @ApiBodyErrors()
  @ApiAskedLocale()
  setOrganizers(
    @Param('id', UuidParam) id: string,
    @Body() dto: SetOrganizersDto,
    @CurrentCaller() caller: Caller,
    @AskedLocale() asked: Locale | null,
  ): Promise<EventResponse> {
    return this.events.setOrganizers(id, dto, caller, asked);
  }
}
