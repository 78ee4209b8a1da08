import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiPropertyOptional,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import type { Response } from 'express';
import { SessionCookie } from '../auth/session-cookie';
import { ApiAskedLocale, AskedLocale, IsLangTag, LANG_PROPERTY } from '../common/asked-locale';
import { Authenticated, Caller, CurrentCaller } from '../common/auth';
import { ClientAddress } from '../common/client-address';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { UuidParam } from '../common/ids';
import type { Locale } from '../common/locales';
import { ApiBodyErrors, ApiNotFound, ProblemSchema } from '../common/openapi';
import { Page, PageQuery } from '../common/pagination';
import {
  AdminErasureDto,
  EraseAccountDto,
  ErasureRecordPage,
  ErasureRecordResponse,
  ErasureResponse,
  PersonalDataExport,
} from './dto/privacy.dto';
import { ErasureService } from './erasure.service';
import { PersonalDataExportService } from './personal-data-export.service';

export class ExportQuery {
  @ApiPropertyOptional(LANG_PROPERTY)
  @IsOptional()
  @IsLangTag()
  lang?: string;
}

@ApiTags('privacy')
@Controller()
export class PrivacyController {
  constructor(
    private readonly exports: PersonalDataExportService,
    private readonly erasure: ErasureService,
    private readonly cookie: SessionCookie,
  ) {}

  @Get('me/export')
  @Authenticated()
  @ApiOkResponse({ type: PersonalDataExport, description: 'everything Kinship holds about the account, as a download' })
  @ApiAskedLocale(false)
  async export(
    @Query() _q: ExportQuery,
    @CurrentCaller() caller: Caller,
    @AskedLocale() asked: Locale | null,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PersonalDataExport> {
    const out = await this.exports.export(caller, asked);
    res.setHeader('Content-Disposition', `attachment; filename="kinship-my-data-${out.exportedAt.slice(0, 10)}.json"`);
    res.setHeader('Cache-Control', 'no-store');
    return out;
  }

  @Delete('me')
  @Authenticated()
  @ApiOkResponse({
    type: ErasureResponse,
    description:
      'the account, its household and its sessions are gone; its registrations keep their counts without any personal field (active ones cancelled first); its mail is purged; a sponsor’s payments stay without the name',
  })
  @ApiForbiddenResponse({ description: 'forbidden: the password is wrong (nothing changed)', type: ProblemSchema })
  @ApiConflictResponse({
    description:
      'invalid_transition: the account created events, programs or students (an admin hands them over first)',
    type: ProblemSchema,
  })
  @ApiTooManyRequestsResponse({ description: 'rate_limited: too many wrong passwords', type: ProblemSchema })
  @ApiBodyErrors()
  async eraseMe(
    @Body() dto: EraseAccountDto,
    @CurrentCaller() caller: Caller,
    @ClientAddress() address: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ErasureResponse> {
    const out = await this.erasure.eraseOwnAccount(caller, dto.password, address);
    this.cookie.clear(res);
    return out;
  }

  @Delete('registrations/:id/personal-data')
  @ApiHeader({ name: 'x-manage-token', required: false, description: "a guest's manage token" })
  @ApiOkResponse({
    type: ErasureResponse,
    description:
      'the registration keeps its counts without any personal field (cancelled first if active; its mail purged); the manage link stops working',
  })
  @ApiForbiddenResponse({ description: 'forbidden: organizers do not erase a family’s data', type: ProblemSchema })
  @ApiNotFound('the registration (or not yours)')
  eraseRegistration(
    @Param('id', UuidParam) id: string,
    @CurrentCaller() caller: Caller | undefined,
    @Headers('x-manage-token') token?: string,
  ): Promise<ErasureResponse> {
    return this.erasure.eraseRegistration(id, { caller, manageToken: token });
  }

  @Get('admin/erasures')
  @Authenticated('admin')
  @ApiOkResponse({ type: ErasureRecordPage, description: 'every erasure, newest first: who asked and how much went' })
  @ApiBodyErrors()
  erasures(@Query() q: PageQuery): Promise<Page<ErasureRecordResponse>> {
    return this.erasure.log(q);
  }

  @Post('admin/erasures')
  @HttpCode(201)
  @Authenticated('admin')
  @Idempotent()
  @ApiCreatedResponse({
    type: ErasureResponse,
    description:
      'for someone who cannot sign in: the account with this email and the registrations made without an account under it are erased as DELETE /me would; recorded without the email',
  })
  @ApiConflictResponse({
    description: 'invalid_transition: the account created events, programs or students',
    type: ProblemSchema,
  })
  @ApiBodyErrors()
  eraseOnRequest(@Body() dto: AdminErasureDto, @CurrentCaller() caller: Caller): Promise<ErasureResponse> {
    return this.erasure.eraseOnRequest(dto.email, caller);
  }
}
