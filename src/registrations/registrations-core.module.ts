import { Module } from '@nestjs/common';
import { RegistrationMail } from './registration-mail';
import { RegistrationsRepository } from './registrations.repository';
import { Waitlist } from './waitlist';

/**
 * The registration pieces the events feature needs too (capacity raised → promote; event
 * cancelled or moved → mail every family), without a cycle between the two modules.
 */
@Module({
  providers: [RegistrationsRepository, RegistrationMail, Waitlist],
  exports: [RegistrationsRepository, RegistrationMail, Waitlist],
})
export class RegistrationsCoreModule {}
