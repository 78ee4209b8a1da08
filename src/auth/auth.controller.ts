import { Body, Controller, HttpCode, Post } from '@nestjs/common';
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
import { ClientAddress } from '../common/client-address';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { ApiBodyErrors, ProblemSchema } from '../common/openapi';
import { AuthService } from './auth.service';
import { AuthResponse, LoginDto, SignupDto } from './dto/auth.dto';
import { ConfirmPasswordResetDto, PasswordResetAccepted, RequestPasswordResetDto } from './dto/password-reset.dto';
import { PasswordResetService } from './password-reset.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly resets: PasswordResetService,
  ) {}

  @Post('signup')
  @Idempotent()
  @ApiCreatedResponse({ type: AuthResponse })
  @ApiConflictResponse({ description: 'email_taken: the email has an account', type: ProblemSchema })
  @ApiTooManyRequestsResponse({ description: 'rate_limited: too many signups from this address', type: ProblemSchema })
  @ApiBodyErrors()
  signup(@Body() dto: SignupDto, @ClientAddress() address: string): Promise<AuthResponse> {
    return this.auth.signup(dto, address);
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
  login(@Body() dto: LoginDto, @ClientAddress() address: string): Promise<AuthResponse> {
    return this.auth.login(dto, address);
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
