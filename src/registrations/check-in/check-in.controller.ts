import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Authenticated, Caller, CurrentCaller } from '../../common/auth';
import { UuidParam } from '../../common/ids';
import { ApiBodyErrors, ApiNotFound, ProblemSchema } from '../../common/openapi';
import { CheckInService } from './check-in.service';
import { CheckInBatchDto, CheckInBatchResponse, CheckInListQuery, CheckInListResponse } from './dto/check-in.dto';

const EVENT = 'the event (a draft is visible only to its organizers and admins)';

/** The check-in app's sync: the list a door device keeps offline, and what it did at the door. */
@ApiTags('organizers')
@Controller('events/:id')
@Authenticated('organizer')
@ApiForbiddenResponse({ description: "forbidden: not one of the event's organizers", type: ProblemSchema })
export class CheckInController {
  constructor(private readonly checkIn: CheckInService) {}

  @Get('check-in-list')
  @ApiOkResponse({ type: CheckInListResponse, description: 'with an ETag; no e-mail, phone or birth date' })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'the ETag of the list the device holds' })
  @ApiResponse({ status: 304, description: 'the list the device holds (for the same `since`) is current' })
  @ApiBadRequestResponse({ description: 'invalid_request: a since that is no ISO 8601 time', type: ProblemSchema })
  @ApiNotFound(EVENT)
  async list(
    @Param('id', UuidParam) id: string,
    @Query() q: CheckInListQuery,
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CheckInListResponse | undefined> {
    // read from the request, not through @Headers, which would make the header required in the OpenAPI document
    const { etag, list } = await this.checkIn.list(id, q.since, req.headers['if-none-match'], caller);
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', 'private, no-cache');
    if (!list) {
      res.status(304);
      return undefined;
    }
    return list;
  }

  @Post('check-ins/batch')
  @HttpCode(200)
  @ApiOkResponse({
    type: CheckInBatchResponse,
    description: 'an outcome per item; sending the same items again changes nothing (each answers duplicate)',
  })
  @ApiNotFound(EVENT)
  @ApiBodyErrors()
  batch(
    @Param('id', UuidParam) id: string,
    @Body() dto: CheckInBatchDto,
    @CurrentCaller() caller: Caller,
  ): Promise<CheckInBatchResponse> {
    return this.checkIn.batch(id, dto, caller);
  }
}
