import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, Caller, CurrentCaller } from '../common/auth';
import { UuidParam } from '../common/ids';
import { ApiNotFound, ProblemSchema } from '../common/openapi';
import { Page } from '../common/pagination';
import {
  NotificationDetail,
  NotificationPage,
  NotificationResponse,
  NotificationsQuery,
} from './dto/notifications.dto';
import { NotificationsAdminService } from './notifications-admin.service';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsAdminService) {}

  @Get()
  @Authenticated('admin')
  @ApiOkResponse({ type: NotificationPage, description: 'the outbox, newest first' })
  @ApiBadRequestResponse({
    description: 'invalid_request: a bad status, kind, recipient, page or limit',
    type: ProblemSchema,
  })
  list(@Query() q: NotificationsQuery): Promise<Page<NotificationResponse>> {
    return this.notifications.list(q);
  }

  @Get(':id')
  @Authenticated('admin')
  @ApiOkResponse({ type: NotificationDetail, description: 'the row and its status history' })
  @ApiNotFound('the notification')
  get(@Param('id', UuidParam) id: string): Promise<NotificationDetail> {
    return this.notifications.get(id);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Authenticated('admin')
  @ApiOkResponse({ type: NotificationResponse, description: 'the row, pending and due now, attempts reset' })
  @ApiNotFound('the notification')
  @ApiConflictResponse({
    description: 'invalid_transition: only a failed notification can be retried',
    type: ProblemSchema,
  })
  retry(@Param('id', UuidParam) id: string, @CurrentCaller() caller: Caller): Promise<NotificationResponse> {
    return this.notifications.retry(id, caller);
  }
}
