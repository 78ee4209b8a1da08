import type { operations } from '../../api/schema';
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

// The api's kinds and these must be the same list: a new kind of mail fails the type check here
// until it has its words (in every catalogue, which are typed against the English one).
type ApiKind = Exclude<
  NonNullable<NonNullable<operations['NotificationsController_list']['parameters']['query']>['kind']>,
  `fanout.${string}`
>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const kindsMatch: Same<ApiKind, Kind> = true;
void kindsMatch;

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
