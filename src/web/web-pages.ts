import { Injectable, Logger } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NotFoundError } from '../common/errors';
import { AppConfig } from '../config/config.module';
import { EventResponse } from '../events/dto/events.dto';
import { EventsService } from '../events/events.service';
import { localeOfTag, negotiateLocale, type Locale } from '../common/locales';
import { formatEventSpan } from '../mail/format';

/** The app's three HTML documents, as Vite built them. */
type Entry = 'index' | 'console' | 'checkin';

/** A chunk of Vite's manifest (dist/web/.vite/manifest.json). */
interface Chunk {
  file: string;
  imports?: string[];
}

/**
 * The pages a family most often lands on from a link, with the module that draws each. Their code
 * and the language's words are announced in the HTML (`modulepreload`), so the phone fetches them
 * with the app instead of after it: one round trip fewer on a slow network. A page missing here
 * only loads a little later.
 */
const LANDING_PAGES: [RegExp, string][] = [
  [/^\/$/, 'src/public/events/HomePage.tsx'],
  [/^\/events\/?$/, 'src/public/events/EventsPage.tsx'],
  [/^\/events\/[^/]+\/?$/, 'src/public/events/EventPage.tsx'],
  [/^\/events\/[^/]+\/register\/?$/, 'src/public/register/RegisterPage.tsx'],
  [/^\/registrations\/[^/]+\/?$/, 'src/public/registration/RegistrationPage.tsx'],
  [/^\/reset-password\/?$/, 'src/public/account/ResetPasswordPage.tsx'],
];

export interface WebDocument {
  status: number;
  html: string;
  /** Pages that read a secret from the URL (its fragment, or the unsubscribe link's query) must not leak their address. */
  noReferrer: boolean;
}

const ONLINE: Record<Locale, string> = { en: 'Online', 'zh-CN': '线上', ne: 'अनलाइन' };

/** Escapes text for an HTML attribute or element. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON inside `<script type="application/json">`: `<` escaped so no string can close the element. */
function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * Builds the HTML answer for a page of the web app: the right entry point, `<html lang>` in the
 * asked language, and, for an event's page, its link-preview tags and its JSON inline, so a shared
 * link previews in chat apps and the page paints without waiting for an API call.
 */
@Injectable()
export class WebPages {
  private readonly logger = new Logger(WebPages.name);
  private readonly dir: string;
  private readonly publicUrl: string;
  private templates: Partial<Record<Entry, string>> | undefined;
  private manifest: Record<string, Chunk> = {};

  constructor(
    config: AppConfig,
    private readonly events: EventsService,
  ) {
    this.dir = config.get('WEB_DIR');
    this.publicUrl = config.get('PUBLIC_URL');
  }

  /** Whether the web app is built; without it the api answers HTML requests with its own 404. */
  get available(): boolean {
    return !!this.load().index;
  }

  get root(): string {
    return this.dir;
  }

  private load(): Partial<Record<Entry, string>> {
    if (!this.templates) {
      this.templates = {};
      for (const entry of ['index', 'console', 'checkin'] as const) {
        const file = join(this.dir, `${entry}.html`);
        if (existsSync(file)) this.templates[entry] = readFileSync(file, 'utf8');
      }
      if (!this.templates.index) this.logger.warn({ dir: this.dir }, 'web app not built: run npm run build');
      const manifest = join(this.dir, '.vite', 'manifest.json');
      if (existsSync(manifest)) this.manifest = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, Chunk>;
    }
    return this.templates;
  }

  async render(path: string, lang: string | undefined, acceptLanguage: string | undefined): Promise<WebDocument | null> {
    const templates = this.load();
    const entry: Entry = /^\/console(\/|$)/.test(path) ? 'console' : /^\/checkin(\/|$)/.test(path) ? 'checkin' : 'index';
    const template = templates[entry];
    if (!template) return null;
    const locale = negotiateLocale({ lang: localeOfTag(lang), acceptLanguage }) ?? 'en';
    let html = template.replace(/<html lang="[^"]*"/, `<html lang="${locale}"`);
    if (entry === 'index') html = html.replace('</head>', `${this.preloads(path, locale)}</head>`);
    let status = 200;
    const slug = entry === 'index' ? /^\/events\/([^/]+)\/?$/.exec(path)?.[1] : undefined;
    if (slug) {
      const event = await this.publicEvent(decodeURIComponent(slug), locale);
      if (event) html = html.replace('</head>', `${this.eventHead(event, locale)}</head>`);
      else status = 404;
    }
    return { status, html, noReferrer: /^\/(registrations|reset-password|unsubscribe)(\/|$)/.test(path) };
  }

  /** `modulepreload` links for the page's code and the language's words, with what they import. */
  private preloads(path: string, locale: Locale): string {
    const page = LANDING_PAGES.find(([re]) => re.test(path))?.[1];
    const files = new Set<string>();
    const add = (key: string) => {
      const chunk = this.manifest[key];
      if (!chunk || files.has(chunk.file)) return;
      files.add(chunk.file);
      chunk.imports?.forEach(add);
    };
    add(`src/i18n/${locale}.ts`);
    if (page) add(page);
    return [...files].map((f) => `  <link rel="modulepreload" crossorigin href="/${f}">\n  `).join('');
  }

  /** The event as the public sees it, its words in the page's language where it has them. */
  private async publicEvent(idOrSlug: string, locale: Locale): Promise<EventResponse | null> {
    try {
      return await this.events.get(idOrSlug, undefined, locale);
    } catch (e) {
      if (e instanceof NotFoundError) return null;
      throw e;
    }
  }

  /** Open Graph and Twitter tags, and the event's JSON for the page's first paint. */
  private eventHead(event: EventResponse, locale: Locale): string {
    const when = formatEventSpan(locale, event.startsAt, event.endsAt, event.timezone);
    const where = event.format === 'online' ? ONLINE[locale] : (event.venue ?? ONLINE[locale]);
    const description = [when, where, event.summary].filter(Boolean).join(' · ');
    const url = `${this.publicUrl}/events/${encodeURIComponent(event.slug)}`;
    const tags: [string, string, string][] = [
      ['property', 'og:type', 'website'],
      ['property', 'og:site_name', 'Kinship'],
      ['property', 'og:title', event.title],
      ['property', 'og:description', description],
      ['property', 'og:url', url],
      ['name', 'twitter:card', 'summary'],
      ['name', 'twitter:title', event.title],
      ['name', 'twitter:description', description],
      ['name', 'description', description],
    ];
    const meta = tags.map(([attr, name, content]) => `<meta ${attr}="${name}" content="${escapeHtml(content)}" />`);
    return [
      `<title>${escapeHtml(event.title)} · Kinship</title>`,
      ...meta,
      `<link rel="canonical" href="${escapeHtml(url)}" />`,
      `<script type="application/json" id="kinship-event">${inlineJson(event)}</script>`,
      '',
    ].join('\n    ');
  }
}
