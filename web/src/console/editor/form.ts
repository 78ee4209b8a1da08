import type { Schemas } from '../../api/client';

/**
 * The event editor's form as plain data: what the inputs hold (text, as typed), the rules the
 * server checks (src/events/dto/events.dto.ts and src/events/event-rules.ts) checked again while
 * the organizer types, and the body sent to POST or PATCH /events. The server stays the judge:
 * its errors[] land on the same fields, named the same way (`questions[2].options`).
 */

export const EVENT_KINDS = [
  'celebration',
  'competition',
  'program-session',
  'webinar',
  'workshop',
  'forum',
  'other',
] as const satisfies readonly Schemas['CreateEventDto']['kind'][];
export const EVENT_FORMATS = [
  'in_person',
  'online',
  'hybrid',
] as const satisfies readonly Schemas['CreateEventDto']['format'][];
export const QUESTION_TYPES = [
  'text',
  'textarea',
  'number',
  'boolean',
  'choice',
  'multi_choice',
  'date',
] as const satisfies readonly Schemas['QuestionDto']['type'][];
export const CONTENT_LOCALES = ['en', 'zh-CN', 'ne'] as const;
export const TRANSLATED = ['title', 'summary', 'description', 'venue'] as const;

export type EventKind = (typeof EVENT_KINDS)[number];
export type EventFormat = (typeof EVENT_FORMATS)[number];
export type QuestionType = (typeof QUESTION_TYPES)[number];
export type ContentLocale = (typeof CONTENT_LOCALES)[number];
export type TranslatedField = (typeof TRANSLATED)[number];

/** The same limits as the server's. */
export const LIMITS = {
  title: 200,
  slug: 120,
  summary: 500,
  description: 20000,
  venue: 500,
  onlineUrl: 2000,
  capacity: 100_000,
  partySize: 20,
  age: 120,
  questions: 50,
  questionId: 64,
  questionLabel: 500,
  options: 50,
  option: 200,
  maxLength: 20000,
  organizers: 50,
} as const;

const TRANSLATED_MAX: Record<TranslatedField, number> = {
  title: LIMITS.title,
  summary: LIMITS.summary,
  description: LIMITS.description,
  venue: LIMITS.venue,
};

export interface QuestionForm {
  /** React's key: stays with the question when it moves. */
  key: number;
  id: string;
  label: string;
  type: QuestionType;
  required: boolean;
  /** One option per line (choice and multi_choice). */
  options: string;
  /** Digits, or blank for none (text and textarea). */
  maxLength: string;
}

export type TranslationForm = Record<TranslatedField, string>;

export interface EventForm {
  title: string;
  slug: string;
  summary: string;
  description: string;
  kind: EventKind;
  format: EventFormat;
  venue: string;
  onlineUrl: string;
  timezone: string;
  /** `YYYY-MM-DDTHH:mm` in the event's time zone (what a datetime-local input holds); blank for none. */
  startsAt: string;
  endsAt: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  capacity: string;
  waitlistEnabled: boolean;
  maxPartySize: string;
  childAgeMin: string;
  childAgeMax: string;
  programId: string;
  contentLocale: ContentLocale;
  translations: Record<ContentLocale, TranslationForm>;
  questions: QuestionForm[];
  /** Co-organizers' account ids, one per line (the creator is not among them). */
  coOrganizerIds: string;
}

/** A rule broken, named by the field the server would name; the page words it. */
export interface Problem {
  field: string;
  rule:
    | 'required'
    | 'too_long'
    | 'slug'
    | 'url'
    | 'zone'
    | 'instant'
    | 'after_start'
    | 'closes_after_start'
    | 'opens_after_closes'
    | 'whole_number'
    | 'range'
    | 'age_order'
    | 'question_id'
    | 'duplicate_id'
    | 'options_required'
    | 'duplicate_option'
    | 'too_many'
    | 'uuid';
  max?: number;
  min?: number;
}

const emptyTranslation = (): TranslationForm => ({ title: '', summary: '', description: '', venue: '' });

/** Older names some browsers still report for a zone, and the names people know them by. */
const CURRENT_ZONE_NAMES: Record<string, string> = {
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Rangoon': 'Asia/Yangon',
};

/** A blank form: an in-person celebration in the organizer's own time zone. */
export function emptyForm(zone: string): EventForm {
  const timezone = CURRENT_ZONE_NAMES[zone] ?? zone;
  return {
    title: '',
    slug: '',
    summary: '',
    description: '',
    kind: 'celebration',
    format: 'in_person',
    venue: '',
    onlineUrl: '',
    timezone,
    startsAt: '',
    endsAt: '',
    registrationOpensAt: '',
    registrationClosesAt: '',
    capacity: '50',
    waitlistEnabled: true,
    maxPartySize: '6',
    childAgeMin: '',
    childAgeMax: '',
    programId: '',
    contentLocale: 'en',
    translations: { en: emptyTranslation(), 'zh-CN': emptyTranslation(), ne: emptyTranslation() },
    questions: [],
    coOrganizerIds: '',
  };
}

/** The form of an existing event, from the answer its organizers get (base fields and translations as stored). */
export function formFromEvent(e: Schemas['EventResponse']): EventForm {
  const base = e.base ?? { title: e.title, summary: e.summary, description: e.description, venue: e.venue };
  const translations = { en: emptyTranslation(), 'zh-CN': emptyTranslation(), ne: emptyTranslation() };
  for (const locale of CONTENT_LOCALES) {
    const t = e.translations?.[locale];
    if (t) for (const f of TRANSLATED) translations[locale][f] = t[f] ?? '';
  }
  let key = 0;
  return {
    title: base.title,
    slug: e.slug,
    summary: base.summary,
    description: base.description,
    kind: e.kind,
    format: e.format,
    venue: base.venue ?? '',
    onlineUrl: e.onlineUrl ?? '',
    timezone: e.timezone,
    startsAt: toZonedInput(e.startsAt, e.timezone),
    endsAt: toZonedInput(e.endsAt, e.timezone),
    registrationOpensAt: e.registrationOpensAt ? toZonedInput(e.registrationOpensAt, e.timezone) : '',
    registrationClosesAt: e.registrationClosesAt ? toZonedInput(e.registrationClosesAt, e.timezone) : '',
    capacity: String(e.capacity),
    waitlistEnabled: e.waitlistEnabled,
    maxPartySize: String(e.maxPartySize),
    childAgeMin: e.childAgeMin === null ? '' : String(e.childAgeMin),
    childAgeMax: e.childAgeMax === null ? '' : String(e.childAgeMax),
    programId: e.programId ?? '',
    contentLocale: e.contentLocale,
    translations,
    questions: e.questions.map((q) => ({
      key: ++key,
      id: q.id,
      label: q.label,
      type: q.type,
      required: q.required,
      options: (q.options ?? []).join('\n'),
      maxLength: q.maxLength === undefined ? '' : String(q.maxLength),
    })),
    coOrganizerIds: (e.organizerIds ?? []).slice(1).join('\n'),
  };
}

// ---- times in the event's zone ----

function zoneParts(ms: number, timeZone: string): number[] {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return [get('year'), get('month'), get('day'), get('hour'), get('minute'), get('second')];
}

/** Minutes the zone is ahead of UTC at that instant (Kathmandu: 345). */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const [y, mo, d, h, mi, s] = zoneParts(ms, timeZone);
  return Math.round((Date.UTC(y, mo - 1, d, h, mi, s) - Math.floor(ms / 1000) * 1000) / 60000);
}

export function isZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A wall-clock time in `timeZone` ("2027-05-15T10:00", "Asia/Kathmandu") as the instant the API
 * takes ("2027-05-15T10:00:00+05:45"); null when either is not one.
 */
export function zonedToInstant(local: string, timeZone: string): string | null {
  const m = LOCAL.exec(local);
  if (!m || !isZone(timeZone)) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  // The offset at the guessed instant, then again at the corrected one (a DST change in between).
  let offset = zoneOffsetMinutes(wall - zoneOffsetMinutes(wall, timeZone) * 60000, timeZone);
  const at = wall - offset * 60000;
  offset = zoneOffsetMinutes(at, timeZone);
  const [ly, lmo, ld, lh, lmi] = zoneParts(at, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${ly}-${pad(lmo)}-${pad(ld)}T${pad(lh)}:${pad(lmi)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An instant as a datetime-local value in `timeZone`. */
export function toZonedInput(instant: string, timeZone: string): string {
  const [y, mo, d, h, mi] = zoneParts(new Date(instant).getTime(), isZone(timeZone) ? timeZone : 'UTC');
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}`;
}

// ---- the question builder ----

const CHOICE: ReadonlySet<QuestionType> = new Set(['choice', 'multi_choice']);
const TEXT: ReadonlySet<QuestionType> = new Set(['text', 'textarea']);
export const hasOptions = (type: QuestionType) => CHOICE.has(type);
export const hasMaxLength = (type: QuestionType) => TEXT.has(type);

/** A new question at the end, with an id no other question has (question-1, question-2 …). */
export function addQuestion(questions: QuestionForm[]): QuestionForm[] {
  const ids = new Set(questions.map((q) => q.id));
  let n = questions.length + 1;
  while (ids.has(`question-${n}`)) n += 1;
  const key = Math.max(0, ...questions.map((q) => q.key)) + 1;
  return [
    ...questions,
    { key, id: `question-${n}`, label: '', type: 'text', required: false, options: '', maxLength: '' },
  ];
}

export function removeQuestion(questions: QuestionForm[], index: number): QuestionForm[] {
  return questions.filter((_, i) => i !== index);
}

/** Moves a question up (-1) or down (+1); at either end nothing moves. */
export function moveQuestion(questions: QuestionForm[], index: number, by: -1 | 1): QuestionForm[] {
  const to = index + by;
  if (index < 0 || index >= questions.length || to < 0 || to >= questions.length) return questions;
  const next = [...questions];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

export function updateQuestion(questions: QuestionForm[], index: number, patch: Partial<QuestionForm>): QuestionForm[] {
  return questions.map((q, i) => (i === index ? { ...q, ...patch } : q));
}

/** The options as sent: one per line, trimmed, blank lines dropped. */
export function optionList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((o) => o.trim())
    .filter(Boolean);
}

/** Account ids as sent: split on lines, commas or spaces, lower-cased. */
export function idList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

// ---- the rules ----

const QUESTION_ID = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WHOLE = /^\d+$/;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !!url.hostname && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** Every rule the form breaks, all at once, in the order of the form. */
export function formProblems(f: EventForm): Problem[] {
  const out: Problem[] = [];
  const length = (field: string, value: string, max: number) => {
    if (value.trim().length > max) out.push({ field, rule: 'too_long', max });
  };
  const whole = (field: string, value: string, min: number, max: number, optional = false) => {
    const v = value.trim();
    if (!v) {
      if (!optional) out.push({ field, rule: 'required' });
      return null;
    }
    if (!WHOLE.test(v)) {
      out.push({ field, rule: 'whole_number' });
      return null;
    }
    const n = Number(v);
    if (n < min || n > max) out.push({ field, rule: 'range', min, max });
    return n;
  };

  if (!f.title.trim()) out.push({ field: 'title', rule: 'required' });
  length('title', f.title, LIMITS.title);
  if (f.slug.trim() && (!SLUG.test(f.slug.trim()) || f.slug.trim().length > LIMITS.slug)) {
    out.push({ field: 'slug', rule: 'slug', max: LIMITS.slug });
  }
  length('summary', f.summary, LIMITS.summary);
  length('description', f.description, LIMITS.description);

  const needsVenue = f.format === 'in_person' || f.format === 'hybrid';
  const needsUrl = f.format === 'online' || f.format === 'hybrid';
  if (needsVenue && !f.venue.trim()) out.push({ field: 'venue', rule: 'required' });
  length('venue', f.venue, LIMITS.venue);
  if (f.onlineUrl.trim()) {
    if (!isHttpUrl(f.onlineUrl.trim())) out.push({ field: 'onlineUrl', rule: 'url' });
    length('onlineUrl', f.onlineUrl, LIMITS.onlineUrl);
  } else if (needsUrl) out.push({ field: 'onlineUrl', rule: 'required' });

  const zoneOk = isZone(f.timezone.trim());
  if (!zoneOk) out.push({ field: 'timezone', rule: f.timezone.trim() ? 'zone' : 'required' });
  const instant = (field: string, value: string, optional: boolean): number | null => {
    if (!value) {
      if (!optional) out.push({ field, rule: 'required' });
      return null;
    }
    const at = zonedToInstant(value, zoneOk ? f.timezone.trim() : 'UTC');
    if (!at) {
      out.push({ field, rule: 'instant' });
      return null;
    }
    return new Date(at).getTime();
  };
  const starts = instant('startsAt', f.startsAt, false);
  const ends = instant('endsAt', f.endsAt, false);
  const opens = instant('registrationOpensAt', f.registrationOpensAt, true);
  const closes = instant('registrationClosesAt', f.registrationClosesAt, true);
  if (starts !== null && ends !== null && ends <= starts) out.push({ field: 'endsAt', rule: 'after_start' });
  if (starts !== null && closes !== null && closes > starts) {
    out.push({ field: 'registrationClosesAt', rule: 'closes_after_start' });
  }
  const until = closes ?? starts;
  if (opens !== null && until !== null && opens >= until) {
    out.push({ field: 'registrationOpensAt', rule: 'opens_after_closes' });
  }

  whole('capacity', f.capacity, 0, LIMITS.capacity);
  whole('maxPartySize', f.maxPartySize, 1, LIMITS.partySize);
  const min = whole('childAgeMin', f.childAgeMin, 0, LIMITS.age, true);
  const max = whole('childAgeMax', f.childAgeMax, 0, LIMITS.age, true);
  if (min !== null && max !== null && min > max) out.push({ field: 'childAgeMax', rule: 'age_order' });
  if (f.programId.trim() && !UUID.test(f.programId.trim())) out.push({ field: 'programId', rule: 'uuid' });

  for (const locale of CONTENT_LOCALES) {
    if (locale === f.contentLocale) continue;
    for (const field of TRANSLATED) {
      length(`translations.${locale}.${field}`, f.translations[locale][field], TRANSLATED_MAX[field]);
    }
  }

  if (f.questions.length > LIMITS.questions) out.push({ field: 'questions', rule: 'too_many', max: LIMITS.questions });
  const seen = new Set<string>();
  f.questions.forEach((q, i) => {
    const at = `questions[${i}]`;
    const id = q.id.trim();
    if (!id) out.push({ field: `${at}.id`, rule: 'required' });
    else if (!QUESTION_ID.test(id) || id.length > LIMITS.questionId) {
      out.push({ field: `${at}.id`, rule: 'question_id', max: LIMITS.questionId });
    } else if (seen.has(id)) out.push({ field: `${at}.id`, rule: 'duplicate_id' });
    seen.add(id);
    if (!q.label.trim()) out.push({ field: `${at}.label`, rule: 'required' });
    length(`${at}.label`, q.label, LIMITS.questionLabel);
    if (hasOptions(q.type)) {
      const options = optionList(q.options);
      if (!options.length) out.push({ field: `${at}.options`, rule: 'options_required' });
      else if (options.length > LIMITS.options)
        out.push({ field: `${at}.options`, rule: 'too_many', max: LIMITS.options });
      else if (new Set(options).size !== options.length) out.push({ field: `${at}.options`, rule: 'duplicate_option' });
      else if (options.some((o) => o.length > LIMITS.option)) {
        out.push({ field: `${at}.options`, rule: 'too_long', max: LIMITS.option });
      }
    }
    if (hasMaxLength(q.type)) whole(`${at}.maxLength`, q.maxLength, 1, LIMITS.maxLength, true);
  });

  const ids = idList(f.coOrganizerIds);
  if (ids.some((id) => !UUID.test(id))) out.push({ field: 'userIds', rule: 'uuid' });
  else if (ids.length > LIMITS.organizers) out.push({ field: 'userIds', rule: 'too_many', max: LIMITS.organizers });

  return out;
}

// ---- the body ----

type EventBody = Schemas['CreateEventDto'] & Schemas['UpdateEventDto'];

/**
 * The body for POST /events (and PATCH, which takes the same fields): blanks become null (or are
 * left out on create), times carry the event's offset, and the translations of every locale but
 * the content language (null for one left blank: PATCH then removes it).
 */
export function eventBody(f: EventForm, mode: 'create' | 'update'): EventBody {
  const zone = f.timezone.trim();
  const at = (value: string) => (value ? zonedToInstant(value, zone) : null);
  const optionalNumber = (value: string) => (value.trim() ? Number(value.trim()) : null);
  const translations: NonNullable<EventBody['translations']> = {};
  for (const locale of CONTENT_LOCALES) {
    if (locale === f.contentLocale) {
      // The content language lives in the base fields; a translation left from before a change of it goes.
      if (mode === 'update') translations[locale] = null;
      continue;
    }
    const words: Record<string, string> = {};
    for (const field of TRANSLATED) {
      const value = f.translations[locale][field].trim();
      if (value) words[field] = value;
    }
    if (Object.keys(words).length) translations[locale] = words;
    else if (mode === 'update') translations[locale] = null;
  }
  const body: EventBody = {
    title: f.title.trim(),
    summary: f.summary.trim(),
    description: f.description.trim(),
    kind: f.kind,
    format: f.format,
    venue: f.venue.trim() || null,
    onlineUrl: f.onlineUrl.trim() || null,
    timezone: zone,
    startsAt: at(f.startsAt) ?? '',
    endsAt: at(f.endsAt) ?? '',
    registrationOpensAt: at(f.registrationOpensAt),
    registrationClosesAt: at(f.registrationClosesAt),
    capacity: Number(f.capacity.trim()),
    waitlistEnabled: f.waitlistEnabled,
    maxPartySize: Number(f.maxPartySize.trim()),
    childAgeMin: optionalNumber(f.childAgeMin),
    childAgeMax: optionalNumber(f.childAgeMax),
    programId: f.programId.trim() || null,
    contentLocale: f.contentLocale,
    translations,
    questions: f.questions.map((q) => ({
      id: q.id.trim(),
      label: q.label.trim(),
      type: q.type,
      required: q.required,
      ...(hasOptions(q.type) ? { options: optionList(q.options) } : {}),
      ...(hasMaxLength(q.type) && q.maxLength.trim() ? { maxLength: Number(q.maxLength.trim()) } : {}),
    })),
  };
  if (f.slug.trim()) body.slug = f.slug.trim();
  return body;
}

/** The form's field a server error is about: each of the co-organizer ids is in the one list. */
export function formField(serverField: string): string {
  return serverField.replace(/^userIds\[\d+\]$/, 'userIds');
}

/** The id of the control a field's messages belong to: `questions[2].options` → `f-questions-2-options`. */
export function controlId(field: string): string {
  return `f-${field.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-+$/, '')}`;
}
