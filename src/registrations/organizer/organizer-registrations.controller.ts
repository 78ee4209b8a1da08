import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, Caller, CurrentCaller } from '../../common/auth';
import { UuidParam } from '../../common/ids';
import { Idempotent } from '../../common/idempotency/idempotent.decorator';
import { ApiBodyErrors, ApiNotFound, ProblemSchema } from '../../common/openapi';
import { Page, PageQuery } from '../../common/pagination';
import { RegistrationResponse } from '../dto/registration.dto';
import { AttendeeExport } from './attendee-export';
import {
  CheckInDto,
  CheckInResponse,
  EventRegistrationsQuery,
  EventStatsResponse,
  EventTimelineResponse,
  ExportQuery,
  MessageAccepted,
  MessagePreviewResponse,
  RegistrationMailPage,
  RegistrationMailResponse,
  RegistrationPage,
  SendMessageDto,
} from './dto/organizer.dto';
import { MessagePreview } from './message-preview';
import { OrganizerRegistrationsService } from './organizer-registrations.service';

const NOT_ORGANIZER = "forbidden: the caller's role may not act, or the event is visible but not theirs to manage";
const EVENT = 'the event (a draft is visible only to its organizers and admins)';

/** An event's registrations as its organizers (and admins) see and handle them. */
@ApiTags('organizers')
@Controller('events/:id')
@Authenticated('organizer')
@ApiForbiddenResponse({ description: NOT_ORGANIZER, type: ProblemSchema })
export class OrganizerRegistrationsController {
  constructor(
    private readonly organizer: OrganizerRegistrationsService,
    private readonly attendees: AttendeeExport,
    private readonly previews: MessagePreview,
  ) {}

  @Get('registrations')
  @ApiOkResponse({ type: RegistrationPage, description: 'in request order, with live waitlist positions' })
  @ApiBadRequestResponse({ description: 'invalid_request: a bad status, q, page or limit', type: ProblemSchema })
  @ApiNotFound(EVENT)
  list(
    @Param('id', UuidParam) id: string,
    @Query() q: EventRegistrationsQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<Page<RegistrationResponse>> {
    return this.organizer.list(id, q, caller);
  }

  @Get('registrations/export.csv')
  @ApiOkResponse({
    description:
      'a row per attendee (UTF-8 with a BOM), streamed; cells that a spreadsheet would run as a formula start with an apostrophe',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiBadRequestResponse({ description: 'invalid_request: a bad status', type: ProblemSchema })
  @ApiNotFound(EVENT)
  export(
    @Param('id', UuidParam) id: string,
    @Query() q: ExportQuery,
    @CurrentCaller() caller: Caller,
    @Res() res: Response,
  ): Promise<void> {
    return this.attendees.stream(id, q.status, caller, res);
  }

  @Get('registrations/:registrationId/mails')
  @ApiOkResponse({ type: RegistrationMailPage, description: 'the mails written to this family, newest first' })
  @ApiBadRequestResponse({ description: 'invalid_request: a bad page or limit', type: ProblemSchema })
  @ApiNotFound('the event, or a registration of it')
  mails(
    @Param('id', UuidParam) id: string,
    @Param('registrationId', UuidParam) registrationId: string,
    @Query() q: PageQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<Page<RegistrationMailResponse>> {
    return this.organizer.mails(id, registrationId, q, caller);
  }

  @Get('stats')
  @ApiOkResponse({ type: EventStatsResponse })
  @ApiNotFound(EVENT)
  stats(@Param('id', UuidParam) id: string, @CurrentCaller() caller: Caller): Promise<EventStatsResponse> {
    return this.organizer.stats(id, caller);
  }

  @Get('stats/timeline')
  @ApiOkResponse({ type: EventTimelineResponse, description: "for the dashboard's chart of registrations over time" })
  @ApiNotFound(EVENT)
  timeline(@Param('id', UuidParam) id: string, @CurrentCaller() caller: Caller): Promise<EventTimelineResponse> {
    return this.organizer.timeline(id, caller);
  }

  @Post('check-ins')
  @HttpCode(200)
  @ApiOkResponse({
    type: CheckInResponse,
    description: 'the registration, its attendees (or those named) checked in; a repeat answers the same',
  })
  @ApiNotFound('the event, or a registration with this code')
  @ApiConflictResponse({
    description: 'not_checkable: the registration is waitlisted or cancelled',
    type: ProblemSchema,
  })
  @ApiBodyErrors()
  checkIn(
    @Param('id', UuidParam) id: string,
    @Body() dto: CheckInDto,
    @CurrentCaller() caller: Caller,
  ): Promise<CheckInResponse> {
    return this.organizer.checkIn(id, dto, caller);
  }

  @Delete('check-ins/:code')
  @ApiParam({ name: 'code', description: 'the check-in code; any case, dashes ignored' })
  @ApiOkResponse({ type: CheckInResponse, description: 'the registration, none of its attendees checked in' })
  @ApiNotFound('the event, or a registration with this code')
  undoCheckIn(
    @Param('id', UuidParam) id: string,
    @Param('code') code: string,
    @CurrentCaller() caller: Caller,
  ): Promise<CheckInResponse> {
    return this.organizer.undoCheckIn(id, code, caller);
  }

  @Post('messages')
  @HttpCode(202)
  @Idempotent()
  @ApiAcceptedResponse({
    type: MessageAccepted,
    description: 'a mail to each active (confirmed or waitlisted) registration follows, in its language',
  })
  @ApiNotFound(EVENT)
  @ApiConflictResponse({ description: 'invalid_transition: the event is a draft or cancelled', type: ProblemSchema })
  @ApiBodyErrors()
  message(
    @Param('id', UuidParam) id: string,
    @Body() dto: SendMessageDto,
    @CurrentCaller() caller: Caller,
  ): Promise<MessageAccepted> {
    return this.organizer.message(id, dto, caller);
  }

  @Post('messages/preview')
  @HttpCode(200)
  @ApiOkResponse({
    type: MessagePreviewResponse,
    description: 'the message as each language’s mail would read; nothing is sent or queued',
  })
  @ApiNotFound(EVENT)
  @ApiBodyErrors()
  previewMessage(
    @Param('id', UuidParam) id: string,
    @Body() dto: SendMessageDto,
    @CurrentCaller() caller: Caller,
  ): Promise<MessagePreviewResponse> {
    return this.previews.preview(id, dto, caller);
  }
}
