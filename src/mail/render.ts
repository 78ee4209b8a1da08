import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { buildInvite, buildQrImage, QR_CID, type MailAttachment } from './attachments';
import {
  formatCount,
  formatDate,
  formatEventSpan,
  formatInstantInZone,
  formatMoney,
  formatUtc,
  formatYear,
  MAIL_LOCALES,
  type MailLocale,
} from './format';
import { mailUrl } from './links';
import {
  MAIL_KINDS,
  type MailData,
  type MailEvent,
  type MailKind,
  type RenderedMail,
  type TicketData,
} from './mail-kinds';

export { MAIL_LOCALES, type MailLocale } from './format';

export interface RenderOptions {
  /** PUBLIC_URL: the footer links to its home page, in the mail's language. */
  publicUrl: string;
  /** The organization running the platform, shown beside the Kinship name when set. */
  organization?: string;
}

/** Templates live beside this file, in src/ under ts-jest and in dist/src once nest-cli copies the .hbs assets. */
export const TEMPLATES_DIR = join(__dirname, 'templates');

/** The sections of a kind's template file, each introduced by a `{{!-- @name --}}` line. */
const KIND_SECTIONS = ['subject', 'html', 'text', 'footer'] as const;
const LAYOUT_SECTIONS = ['html', 'text'] as const;
type Section = (typeof KIND_SECTIONS)[number];

type Template = Handlebars.TemplateDelegate;

interface KindTemplates {
  subject: Template;
  html: Template;
  text: Template;
  footerHtml: Template;
  footerText: Template;
}

interface LocaleTemplates {
  layoutHtml: Template;
  layoutText: Template;
  /** DESCRIPTION of the calendar entry in invite.ics. */
  inviteDescription: Template;
  kinds: Record<MailKind, KindTemplates>;
}

/** Kinds whose mail carries the check-in code as an inline QR image. */
const QR_KINDS: ReadonlySet<MailKind> = new Set([
  'registration.confirmed',
  'registration.promoted',
  'registration.reminder',
]);
/** Kinds whose mail carries `invite.ics`. */
const INVITE_KINDS: ReadonlySet<MailKind> = new Set(['registration.confirmed', 'registration.promoted']);

// HTML escapes data (Handlebars' default); text and subjects are not HTML, so they must not be escaped.
// Strict: a field the template names but the data lacks is an error, never a silently empty string.
const HTML: CompileOptions = { strict: true };
const PLAIN: CompileOptions = { strict: true, noEscape: true };

/** Splits a template file into its `{{!-- @name --}}` sections. The markers are Handlebars comments. */
export function splitSections(source: string, file: string, expected: readonly string[]): Record<string, string> {
  const sections: Record<string, string> = {};
  let current: string | null = null;
  for (const line of source.split(/\r?\n/)) {
    const marker = /^\{\{!--\s*@([a-z]+)\s*--\}\}\s*$/.exec(line);
    if (marker) {
      current = marker[1];
      if (!expected.includes(current) || current in sections) {
        throw new Error(`${file}: unexpected or repeated section @${current}`);
      }
      sections[current] = '';
    } else if (current !== null) {
      sections[current] += `${line}\n`;
    } else if (line.trim() !== '') {
      throw new Error(`${file}: text before the first section marker`);
    }
  }
  for (const name of expected) {
    if (!(name in sections)) throw new Error(`${file}: missing section @${name}`);
    sections[name] = sections[name].replace(/\n+$/, '');
  }
  return sections;
}

function escapeText(value: unknown): string {
  return Handlebars.Utils.escapeExpression(value as string);
}

/** A link target: only http(s) URLs become hrefs (an organizer-typed online link could be `javascript:`). */
function safeHref(url: unknown): string {
  if (typeof url !== 'string') throw new TypeError(`A link needs a URL, got ${JSON.stringify(url)}`);
  return /^https?:\/\//i.test(url) ? url : '#';
}

function requireEvent(event: unknown): MailEvent {
  const e = event as MailEvent | undefined;
  if (!e || typeof e.startsAt !== 'string' || typeof e.endsAt !== 'string' || typeof e.timezone !== 'string') {
    throw new TypeError('An event needs startsAt, endsAt and timezone');
  }
  return e;
}

function createInstance(locale: MailLocale): typeof Handlebars {
  const hb = Handlebars.create();
  // Helpers get their last argument from Handlebars (the options hash); they throw on missing input
  // because strict mode does not check helper parameters.
  hb.registerHelper('eventWhen', (event: unknown) => {
    const e = requireEvent(event);
    return formatEventSpan(locale, e.startsAt, e.endsAt, e.timezone);
  });
  hb.registerHelper('formatMoney', (money: unknown) => formatMoney(locale, money as Parameters<typeof formatMoney>[1]));
  hb.registerHelper('formatDate', (value: unknown) => {
    if (typeof value !== 'string') throw new TypeError(`A date is required, got ${JSON.stringify(value)}`);
    return formatDate(locale, value);
  });
  // Counts and years in the locale's digits (Devanagari in Nepali mails).
  hb.registerHelper('formatCount', (value: unknown) => formatCount(locale, value));
  hb.registerHelper('formatYear', (value: unknown) => formatYear(locale, value));
  hb.registerHelper('formatUtc', (value: unknown) => {
    if (typeof value !== 'string') throw new TypeError(`A time is required, got ${JSON.stringify(value)}`);
    return formatUtc(locale, value);
  });
  // Plain text into HTML: escape first, then keep the author's line breaks.
  hb.registerHelper('multiline', (value: unknown) => {
    if (typeof value !== 'string') throw new TypeError(`Text is required, got ${JSON.stringify(value)}`);
    return new hb.SafeString(escapeText(value).replace(/\r\n|\r|\n/g, '<br>\n'));
  });
  hb.registerHelper('href', safeHref);
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  return hb;
}

function readTemplate(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Partials named `<name>-html.hbs` are compiled for HTML, `<name>-text.hbs` for plain text. */
function registerPartials(hb: typeof Handlebars, dir: string): void {
  for (const file of readdirSync(dir)) {
    const match = /^(.+-(html|text))\.hbs$/.exec(file);
    if (!match) throw new Error(`${join(dir, file)}: partials are named <name>-html.hbs or <name>-text.hbs`);
    hb.registerPartial(match[1], hb.compile(readTemplate(join(dir, file)), match[2] === 'html' ? HTML : PLAIN));
  }
}

/**
 * Reads and compiles every template of both locales. Handlebars compiles a template on its first use
 * and keeps it, so each is compiled once per process; the caller keeps the result.
 */
export function loadTemplates(dir: string = TEMPLATES_DIR): Record<MailLocale, LocaleTemplates> {
  const layoutFile = join(dir, 'layout.hbs');
  const layout = splitSections(readTemplate(layoutFile), layoutFile, LAYOUT_SECTIONS);
  const result = {} as Record<MailLocale, LocaleTemplates>;
  for (const locale of MAIL_LOCALES) {
    // One Handlebars instance per locale: its partials and formatting helpers speak that locale.
    const hb = createInstance(locale);
    registerPartials(hb, join(dir, locale, 'partials'));
    const kinds = {} as Record<MailKind, KindTemplates>;
    for (const kind of MAIL_KINDS) {
      const file = join(dir, locale, `${kind}.hbs`);
      const s = splitSections(readTemplate(file), file, KIND_SECTIONS) as Record<Section, string>;
      // Validate the syntax now rather than at the first send.
      for (const source of Object.values(s)) hb.parse(source);
      kinds[kind] = {
        subject: hb.compile(s.subject, PLAIN),
        html: hb.compile(s.html, HTML),
        text: hb.compile(s.text, PLAIN),
        footerHtml: hb.compile(s.footer, HTML),
        footerText: hb.compile(s.footer, PLAIN),
      };
    }
    result[locale] = {
      layoutHtml: hb.compile(layout.html, HTML),
      layoutText: hb.compile(layout.text, PLAIN),
      inviteDescription: hb.compile('{{> invite-description-text}}', PLAIN),
      kinds,
    };
  }
  return result;
}

let cache: Record<MailLocale, LocaleTemplates> | undefined;

function templates(): Record<MailLocale, LocaleTemplates> {
  // Loading is synchronous, so concurrent first calls cannot race.
  cache ??= loadTemplates();
  return cache;
}

/** One change of an event, with its values formatted for the reader. */
interface ChangeView {
  field: MailData['event.changed']['changes'][number]['field'];
  from: string | null;
  to: string | null;
  /** A new online link this reader may not see (not confirmed): say it changed, without the link. */
  hidden: boolean;
}

function changeViews(locale: MailLocale, data: MailData['event.changed']): ChangeView[] {
  const zoneChange = data.changes.find((change) => change.field === 'timezone');
  // Old times read in the old zone, new times in the event's (new) zone.
  const oldZone = zoneChange?.from ?? data.event.timezone;
  const newZone = data.event.timezone;
  return data.changes.map((change) => {
    if (change.field === 'startsAt' || change.field === 'endsAt') {
      return {
        field: change.field,
        from: change.from === null ? null : formatInstantInZone(locale, change.from, oldZone),
        to: change.to === null ? null : formatInstantInZone(locale, change.to, newZone),
        hidden: false,
      };
    }
    // A removed link may be shown (it no longer opens anything); a new one only to readers who may see it.
    if (change.field === 'onlineUrl' && change.to !== null && data.event.onlineUrl === null) {
      return { field: change.field, from: null, to: null, hidden: true };
    }
    return { field: change.field, from: change.from, to: change.to, hidden: false };
  });
}

function tidyText(text: string): string {
  return (
    text
      .split('\n')
      .map((line) => line.replace(/[ \t]+$/, ''))
      .join('\n')
      // Conditional blocks leave blank runs behind; one blank line is enough between paragraphs.
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  );
}

/**
 * Renders one mail in the recipient's locale: subject, HTML and text inside the shared layout, and
 * the attachments of its kind. Pure (no I/O after the templates are loaded once) and re-entrant.
 * Throws when the data lacks a field a template uses.
 */
export async function renderMail<K extends MailKind>(
  kind: K,
  locale: MailLocale,
  data: MailData[K],
  options: RenderOptions,
): Promise<RenderedMail> {
  const localeTemplates = templates()[locale];
  if (!localeTemplates) throw new Error(`Unknown mail locale: ${JSON.stringify(locale)}`);
  const kindTemplates = localeTemplates.kinds[kind];
  if (!kindTemplates) throw new Error(`Unknown mail kind: ${JSON.stringify(kind)}`);
  if (!data || typeof data !== 'object') throw new TypeError(`Mail data for ${kind} must be an object`);

  try {
    return await render(localeTemplates, kindTemplates, kind, locale, data, options);
  } catch (error) {
    // Name the mail: the template error alone ("name" not defined) does not say which one failed.
    throw new Error(`Cannot render ${kind} (${locale}): ${(error as Error).message}`, { cause: error });
  }
}

async function render<K extends MailKind>(
  localeTemplates: LocaleTemplates,
  kindTemplates: KindTemplates,
  kind: K,
  locale: MailLocale,
  data: MailData[K],
  options: RenderOptions,
): Promise<RenderedMail> {
  const withQr = QR_KINDS.has(kind);
  const homeUrl = mailUrl(options.publicUrl, '/', locale);
  const context: Record<string, unknown> = {
    ...data,
    publicUrl: options.publicUrl,
    homeUrl,
    organization: options.organization ?? null,
    ...(withQr ? { qrCid: QR_CID } : {}),
    ...(kind === 'event.changed' ? { changes: changeViews(locale, data as MailData['event.changed']) } : {}),
  };

  const subject = kindTemplates.subject(context).replace(/\s+/g, ' ').trim();
  const layoutContext = {
    lang: locale,
    subject,
    publicUrl: options.publicUrl,
    homeUrl,
    organization: options.organization ?? null,
  };
  const html = localeTemplates.layoutHtml({
    ...layoutContext,
    body: new Handlebars.SafeString(kindTemplates.html(context)),
    footer: new Handlebars.SafeString(kindTemplates.footerHtml(context)),
  });
  const text = localeTemplates.layoutText({
    ...layoutContext,
    body: kindTemplates.text(context),
    footer: kindTemplates.footerText(context),
  });

  const attachments: MailAttachment[] = [];
  if (INVITE_KINDS.has(kind)) {
    const ticket = data as TicketData;
    attachments.push(buildInvite(ticket, localeTemplates.inviteDescription(context).trim()));
  }
  if (withQr) attachments.push(await buildQrImage((data as TicketData).code));

  return { subject, html, text: tidyText(text), attachments };
}
