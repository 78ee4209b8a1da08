import type { Locale } from '../common/locales';

export interface MailUrlParts {
  /** Query parameters, in order, before `lang`. */
  query?: Record<string, string>;
  /** Parameters of the fragment (`#token=…`): the browser keeps them, no server ever receives them. */
  fragment?: Record<string, string>;
}

/**
 * A link put in a mail: the web app's page at `path` on PUBLIC_URL, carrying the recipient's
 * language as `lang=` so that a reader without an account (a guest, a sponsor on a new phone)
 * opens it in the language of the mail. The query comes before any fragment.
 * mailUrl('https://k.org', '/events/day', 'ne') → 'https://k.org/events/day?lang=ne'.
 */
export function mailUrl(publicUrl: string, path: string, locale: Locale, parts: MailUrlParts = {}): string {
  const query = new URLSearchParams({ ...parts.query, lang: locale });
  const fragment = parts.fragment ? `#${new URLSearchParams(parts.fragment).toString()}` : '';
  return `${publicUrl.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}?${query.toString()}${fragment}`;
}
