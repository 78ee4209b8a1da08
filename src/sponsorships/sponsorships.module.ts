import { Module } from '@nestjs/common';
import { ProgramsRepository } from '../programs/programs.repository';
import { UsersModule } from '../users/users.module';
import { SponsorshipAccess } from './sponsorship-access';
import { SponsorshipMail } from './sponsorship-mail';
import { MySponsorshipsController, ProgramFundsController, SponsorshipsController } from './sponsorships.controller';
import { SponsorshipsRepository } from './sponsorships.repository';
import { SponsorshipsService } from './sponsorships.service';
import { StudentsController } from './students.controller';
import { StudentsService } from './students.service';

/** The pieces both processes use: SQL, access rules, and the mail planned into the outbox. */
@Module({
  providers: [SponsorshipsRepository, ProgramsRepository, SponsorshipAccess, SponsorshipMail],
  exports: [SponsorshipsRepository, ProgramsRepository, SponsorshipAccess, SponsorshipMail],
})
export class SponsorshipsCoreModule {}

/** Education sponsorship over HTTP: students, sponsorships, money, reports, the sponsor's view. */
@Module({
  imports: [SponsorshipsCoreModule, UsersModule],
  controllers: [StudentsController, SponsorshipsController, MySponsorshipsController, ProgramFundsController],
  providers: [StudentsService, SponsorshipsService],
})
export class SponsorshipsModule {}
