import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { EventsModule } from '../events/events.module';
import { CheckInController } from './check-in/check-in.controller';
import { CheckInRepository } from './check-in/check-in.repository';
import { CheckInService } from './check-in/check-in.service';
import { FamilyRegistrationsController } from './family/family-registrations.controller';
import { FamilyRegistrationsRepository } from './family/family-registrations.repository';
import { FamilyRegistrationsService } from './family/family-registrations.service';
import { AttendeeExport } from './organizer/attendee-export';
import { MessagePreview } from './organizer/message-preview';
import { OrganizerAccess } from './organizer/organizer-access';
import { OrganizerRegistrationsController } from './organizer/organizer-registrations.controller';
import { OrganizerRegistrationsRepository } from './organizer/organizer-registrations.repository';
import { OrganizerRegistrationsService } from './organizer/organizer-registrations.service';
import { RegistrationsCoreModule } from './registrations-core.module';

/**
 * Registrations beyond one family's own record: what an event's organizers do with them (list,
 * counts, export, check-in at the door and the check-in app's sync, a message to everyone) and a family's self-service (its list, the
 * manage link sent again).
 */
@Module({
  imports: [RegistrationsCoreModule, EventsModule, AuthModule],
  controllers: [OrganizerRegistrationsController, CheckInController, FamilyRegistrationsController],
  providers: [
    OrganizerAccess,
    MessagePreview,
    OrganizerRegistrationsRepository,
    OrganizerRegistrationsService,
    AttendeeExport,
    CheckInRepository,
    CheckInService,
    FamilyRegistrationsRepository,
    FamilyRegistrationsService,
  ],
  exports: [FamilyRegistrationsService],
})
export class RegistrationsOpsModule {}
