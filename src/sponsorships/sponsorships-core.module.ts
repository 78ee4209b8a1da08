import { Module } from '@nestjs/common';
import { ProgramsRepository } from '../programs/programs.repository';
import { SponsorshipAccess } from './sponsorship-access';
import { SponsorshipMail } from './sponsorship-mail';
import { SponsorshipsRepository } from './sponsorships.repository';

/** The pieces both processes use: SQL, access rules, and the mail planned into the outbox. */
@Module({
  providers: [SponsorshipsRepository, ProgramsRepository, SponsorshipAccess, SponsorshipMail],
  exports: [SponsorshipsRepository, ProgramsRepository, SponsorshipAccess, SponsorshipMail],
})
export class SponsorshipsCoreModule {}
