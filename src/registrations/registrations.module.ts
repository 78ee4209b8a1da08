import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { EventsModule } from '../events/events.module';
import { HouseholdsModule } from '../households/households.module';
import { RegistrationsController } from './registrations.controller';
import { RegistrationsCoreModule } from './registrations-core.module';
import { RegistrationsService } from './registrations.service';
import { UnsubscribeController } from './unsubscribe.controller';
import { UnsubscribeService } from './unsubscribe.service';

@Module({
  imports: [RegistrationsCoreModule, EventsModule, HouseholdsModule, AuthModule],
  controllers: [RegistrationsController, UnsubscribeController],
  providers: [RegistrationsService, UnsubscribeService],
  exports: [RegistrationsService],
})
export class RegistrationsModule {}
