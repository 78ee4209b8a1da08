import { Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { IdempotencyModule } from './common/idempotency/idempotency.module';
import { CoreModule } from './core.module';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { HouseholdsModule } from './households/households.module';
import { ApiBusySignal } from './notifications/api-busy';
import { NotificationsAdminModule } from './notifications/notifications-admin.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PrivacyModule } from './privacy/privacy.module';
import { ProgramsModule } from './programs/programs.module';
import { RegistrationsModule } from './registrations/registrations.module';
import { RegistrationsOpsModule } from './registrations/registrations-ops.module';
import { SponsorshipsModule } from './sponsorships/sponsorships.module';
import { UsersModule } from './users/users.module';
import { WebModule } from './web/web.module';

@Module({
  imports: [
    CoreModule.forProcess('api'),
    IdempotencyModule,
    NotificationsModule,
    HealthModule,
    AuthModule,
    UsersModule,
    HouseholdsModule,
    ProgramsModule,
    EventsModule,
    RegistrationsModule,
    RegistrationsOpsModule,
    NotificationsAdminModule,
    SponsorshipsModule,
    PrivacyModule,
    WebModule,
  ],
  // While this api is busy, the workers hold mail back (src/notifications/api-busy.ts).
  providers: [ApiBusySignal],
})
export class ApiModule {}
