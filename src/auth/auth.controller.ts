import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Idempotent } from '../common/idempotency/idempotent.decorator';
import { ApiBodyErrors, ProblemSchema } from '../common/openapi';
import { AuthService } from './auth.service';
import { AuthResponse, LoginDto, SignupDto } from './dto/auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('signup')
  @Idempotent()
  @ApiCreatedResponse({ type: AuthResponse })
  @ApiConflictResponse({ description: 'email_taken: the email has an account', type: ProblemSchema })
  @ApiBodyErrors()
  signup(@Body() dto: SignupDto): Promise<AuthResponse> {
    return this.auth.signup(dto);
  }

  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthResponse })
  @ApiUnauthorizedResponse({ description: 'unauthenticated: wrong email or password', type: ProblemSchema })
  @ApiTooManyRequestsResponse({ description: 'rate_limited: too many failures for this email', type: ProblemSchema })
  @ApiBodyErrors()
  login(@Body() dto: LoginDto): Promise<AuthResponse> {
    return this.auth.login(dto);
  }
}
