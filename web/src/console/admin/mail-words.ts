import type { I18n } from '../../i18n/i18n';
import type { ConsoleCatalog } from '../i18n/words';

const KINDS = [
  'account.welcome',
  'account.password_reset',
  'registration.confirmed',
  'registration.waitlisted',
  'registration.promoted',
  'registration.changed',
  'registration.cancelled',
  'registration.manage_link',
  'registration.reminder',
  'event.changed',
  'event.cancelled',
  'event.message',
  'sponsorship.payment_due',
  'sponsorship.report_published',
  'sponsorship.annual_statement',
] as const;
type Kind = (typeof KINDS)[number];
export type MailKind = Kind;
export const MAIL_KINDS: readonly Kind[] = KINDS;

export const MAIL_STATUSES = ['pending', 'sending', 'sent', 'failed', 'skipped', 'suppressed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

const isKind = (k: string): k is Kind => (KINDS as readonly string[]).includes(k);

/** A mail kind in words ("Registration confirmed"); a fan-out row as "To every family: …"; an unknown kind as is. */
export function mailKindText(t: I18n<ConsoleCatalog>['t'], kind: string): string {
  if (kind.startsWith('fanout.')) {
    const inner = kind.slice('fanout.'.length);
    return t('console.admin.fanout', { kind: isKind(inner) ? t(`console.admin.kinds.${inner}`) : inner });
  }
  return isKind(kind) ? t(`console.admin.kinds.${kind}`) : kind;
}

export function mailStatusText(t: I18n<ConsoleCatalog>['t'], status: MailStatus): string {
  return t(`console.admin.mailStatus.${status}`);
}
