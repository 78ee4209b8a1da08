import { Module } from '@nestjs/common';
import { ProgramsModule } from '../programs/programs.module';
import { RegistrationsCoreModule } from '../registrations/registrations-core.module';
import { UsersModule } from '../users/users.module';
import { EventsController } from './events.controller';
import { EventsRepository } from './events.repository';
import { EventsService } from './events.service';

@Module({
  imports: [UsersModule, ProgramsModule, RegistrationsCoreModule],
  controllers: [EventsController],
  providers: [EventsRepository, EventsService],
  exports: [EventsRepository, EventsService],
})
export class EventsModule {}
