import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { HouseholdsModule } from '../households/households.module';
import { RegistrationsModule } from '../registrations/registrations.module';
import { RegistrationsOpsModule } from '../registrations/registrations-ops.module';
import { SponsorshipsModule } from '../sponsorships/sponsorships.module';
import { UsersModule } from '../users/users.module';
import { ErasureRepository } from './erasure.repository';
import { ErasureService } from './erasure.service';
import { PersonalDataExportService } from './personal-data-export.service';
import { PrivacyController } from './privacy.controller';

/** A person's data on request: the export of everything held about an account, and erasure. */
@Module({
  imports: [AuthModule, UsersModule, HouseholdsModule, RegistrationsModule, RegistrationsOpsModule, SponsorshipsModule],
  controllers: [PrivacyController],
  providers: [ErasureRepository, ErasureService, PersonalDataExportService],
})
export class PrivacyModule {}
