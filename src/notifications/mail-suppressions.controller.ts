import { Controller, Delete, Get, HttpCode, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, Caller, CurrentCaller } from '../common/auth';
import { UuidParam } from '../common/ids';
import { ApiNotFound, ProblemSchema } from '../common/openapi';
import { Page } from '../common/pagination';
import { MailSuppressionPage, MailSuppressionResponse, MailSuppressionsQuery } from './dto/mail-suppressions.dto';
import { MailSuppressionsService } from './mail-suppressions.service';

@ApiTags('notifications')
@Controller('mail-suppressions')
export class MailSuppressionsController {
  constructor(private readonly suppressions: MailSuppressionsService) {}

  @Get()
  @Authenticated('admin')
  @ApiOkResponse({ type: MailSuppressionPage, description: 'addresses that get no optional mail, newest first' })
  @ApiBadRequestResponse({ description: 'invalid_request: a bad filter, page or limit', type: ProblemSchema })
  list(@Query() q: MailSuppressionsQuery): Promise<Page<MailSuppressionResponse>> {
    return this.suppressions.list(q);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated('admin')
  @ApiNoContentResponse({ description: 'lifted: organizer messages and reminders reach the address again' })
  @ApiNotFound('the suppression')
  lift(@Param('id', UuidParam) id: string, @CurrentCaller() caller: Caller): Promise<void> {
    return this.suppressions.lift(id, caller);
  }
}
