import { NotificationResponse } from './dto/notifications.dto';
import { Notification } from './notification.entity';

export function toNotificationResponse(n: Notification): NotificationResponse {
  return {
    id: n.id,
    kind: n.kind,
    recipientEmail: n.recipientEmail,
    locale: n.locale,
    status: n.status,
    attempts: n.attempts,
    nextAttemptAt: n.nextAttemptAt.toISOString(),
    lastError: n.lastError,
    messageId: n.messageId,
    smtpResponse: n.smtpResponse,
    dedupeKey: n.dedupeKey,
    createdAt: n.createdAt.toISOString(),
    sentAt: n.sentAt?.toISOString() ?? null,
  };
}
