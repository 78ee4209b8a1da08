import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { EventsModule } from '../events/events.module';
import { HouseholdsModule } from '../households/households.module';
import { RegistrationsController } from './registrations.controller';
import { RegistrationsCoreModule } from './registrations-core.module';
import { RegistrationsService } from './registrations.service';

@Module({
  imports: [RegistrationsCoreModule, EventsModule, HouseholdsModule, AuthModule],
  controllers: [RegistrationsController],
  providers: [RegistrationsService],
  exports: [RegistrationsService],
})
export class RegistrationsModule {}
