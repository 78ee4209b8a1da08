import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { MySponsorshipsController, ProgramFundsController, SponsorshipsController } from './sponsorships.controller';
import { SponsorshipsCoreModule } from './sponsorships-core.module';
import { SponsorshipsService } from './sponsorships.service';
import { StudentsController } from './students.controller';
import { StudentsService } from './students.service';

/** Education sponsorship over HTTP: students, sponsorships, money, reports, the sponsor's view. */
@Module({
  imports: [SponsorshipsCoreModule, UsersModule],
  controllers: [StudentsController, SponsorshipsController, MySponsorshipsController, ProgramFundsController],
  providers: [StudentsService, SponsorshipsService],
  exports: [SponsorshipsService],
})
export class SponsorshipsModule {}
