import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Caller, CurrentCaller } from '../common/auth';
import { ClientAddress } from '../common/client-address';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { ApiBodyErrors, ProblemSchema } from '../common/openapi';
import { AuthService } from './auth.service';
import { AuthResponse, LoginDto, SessionResponse, SignupDto } from './dto/auth.dto';
import { ConfirmPasswordResetDto, PasswordResetAccepted, RequestPasswordResetDto } from './dto/password-reset.dto';
import { PasswordResetService } from './password-reset.service';
import { SessionCookie } from './session-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly resets: PasswordResetService,
    private readonly cookie: SessionCookie,
  ) {}

  @Post('signup')
  @Idempotent()
  @ApiCreatedResponse({ type: AuthResponse })
  @ApiConflictResponse({ description: 'email_taken: the email has an account', type: ProblemSchema })
  @ApiTooManyRequestsResponse({ description: 'rate_limited: too many signups from this address', type: ProblemSchema })
  @ApiBodyErrors()
  async signup(
    @Body() dto: SignupDto,
    @ClientAddress() address: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuthResponse> {
    return this.answer(await this.auth.signup(dto, address), dto.session, res);
  }

  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthResponse })
  @ApiUnauthorizedResponse({ description: 'unauthenticated: wrong email or password', type: ProblemSchema })
  @ApiTooManyRequestsResponse({
    description:
      'rate_limited: too many failures for this email from this address, from this address, or for this email',
    type: ProblemSchema,
  })
  @ApiBodyErrors()
  async login(
    @Body() dto: LoginDto,
    @ClientAddress() address: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuthResponse> {
    return this.answer(await this.auth.login(dto, address), dto.session, res);
  }

  @Get('session')
  @ApiOkResponse({ type: SessionResponse, description: 'the signed-in account, or null for a visitor' })
  session(@CurrentCaller() caller: Caller | undefined): Promise<SessionResponse> {
    return this.auth.session(caller);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: "the browser's session cookie is cleared (bearer tokens are not affected)" })
  logout(@Res({ passthrough: true }) res: Response): void {
    this.cookie.clear(res);
  }

  /** A browser asked for a cookie session: the token goes into the cookie, not into the answer. */
  private answer(out: AuthResponse, session: 'cookie' | undefined, res: Response): AuthResponse {
    if (session !== 'cookie' || !out.accessToken) return out;
    this.cookie.set(res, out.accessToken);
    return { user: out.user };
  }

  @Post('password-reset')
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: PasswordResetAccepted,
    description:
      'always, whether or not the email has an account and whether or not its hourly limit is reached; a mail follows only for an account within the limit',
  })
  @ApiBodyErrors()
  requestPasswordReset(
    @Body() dto: RequestPasswordResetDto,
    @ClientAddress() address: string,
  ): Promise<PasswordResetAccepted> {
    return this.resets.request(dto, address);
  }

  @Post('password-reset/confirm')
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'the password is changed; every access token issued before stops working, so log in again',
  })
  @ApiBadRequestResponse({
    description:
      'invalid_request: the token is invalid, already used or expired (errors[].field "token"), or the password is too short or too long',
    type: ProblemSchema,
  })
  @ApiBodyErrors()
  confirmPasswordReset(@Body() dto: ConfirmPasswordResetDto, @ClientAddress() address: string): Promise<void> {
    return this.resets.confirm(dto, address);
  }
}
