import { Module } from '@nestjs/common';
import { UsersRepository } from '../users/users.repository';
import { AuthMailPreparers } from './auth-mail.preparers';
import { PasswordResetsRepository } from './password-resets.repository';

/** The worker's half of the account mails (welcome, password reset). Never in the api. */
@Module({
  providers: [AuthMailPreparers, UsersRepository, PasswordResetsRepository],
})
export class AuthMailModule {}
