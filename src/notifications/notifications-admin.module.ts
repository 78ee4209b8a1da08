import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { UsersModule } from '../users/users.module';
import { MailSuppressionsController } from './mail-suppressions.controller';
import { MailSuppressionsService } from './mail-suppressions.service';
import { NotificationsAdminRepository } from './notifications-admin.repository';
import { NotificationsAdminService } from './notifications-admin.service';
import { NotificationsController } from './notifications.controller';
import { QueueDashboardAuth } from './queue-dashboard';

/**
 * What admins see of the mail pipeline (api only): the notification log with its retry, and the
 * credentials check in front of the queue dashboard (mounted by app.setup.ts). The outbox itself
 * comes from the global NotificationsModule.
 */
@Module({
  imports: [AuthModule, UsersModule],
  controllers: [NotificationsController, MailSuppressionsController],
  providers: [NotificationsAdminService, NotificationsAdminRepository, QueueDashboardAuth, MailSuppressionsService],
})
export class NotificationsAdminModule {}
