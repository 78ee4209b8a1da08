import type { Locale } from '../common/locales';
import { EventResponse, QuestionResponse } from './dto/events.dto';
import { availableLocales, localize } from './event-content';
import { Event, EventQuestion } from './event.entity';
import { readStatus } from './event-rules';

export interface EventView {
  /** The online link: organizers and admins now; confirmed families once registrations exist. */
  canSeeOnlineUrl: boolean;
  /** The caller organizes the event (or is an admin): organizerIds are shown. */
  isOrganizer: boolean;
  /** The creator first, then the co-organizers; needed when isOrganizer. */
  organizerIds?: string[];
  /** The locale the reader asked for (null: none, the content language). */
  asked?: Locale | null;
  /** Organizers editing the event (not in lists): the base fields and translations as stored. */
  editable?: boolean;
}

function toQuestionResponse(q: EventQuestion): QuestionResponse {
  return {
    id: q.id,
    label: q.label,
    type: q.type,
    required: q.required,
    ...(q.options !== undefined ? { options: [...q.options] } : {}),
    ...(q.maxLength !== undefined ? { maxLength: q.maxLength } : {}),
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toEventResponse(e: Event, view: EventView, now: Date = new Date()): EventResponse {
  const words = localize(e, view.asked ?? null);
  const editable = view.isOrganizer && view.editable === true;
  return {
    id: e.id,
    slug: e.slug,
    title: words.title,
    summary: words.summary,
    description: words.description,
    locale: words.locale,
    availableLocales: availableLocales(e),
    contentLocale: e.contentLocale,
    kind: e.kind,
    format: e.format,
    venue: words.venue,
    onlineUrl: view.canSeeOnlineUrl ? e.onlineUrl : null,
    timezone: e.timezone,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    registrationOpensAt: iso(e.registrationOpensAt),
    registrationClosesAt: iso(e.registrationClosesAt),
    capacity: e.capacity,
    seatsTaken: e.seatsTaken,
    seatsRemaining: Math.max(0, e.capacity - e.seatsTaken),
    waitlistCount: e.waitlistCount,
    waitlistEnabled: e.waitlistEnabled,
    maxPartySize: e.maxPartySize,
    childAgeMin: e.childAgeMin,
    childAgeMax: e.childAgeMax,
    programId: e.programId,
    questions: e.questions.map(toQuestionResponse),
    status: readStatus(e, now),
    publishedAt: iso(e.publishedAt),
    cancelledAt: iso(e.cancelledAt),
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
    ...(view.isOrganizer ? { organizerIds: view.organizerIds ?? [e.createdBy] } : {}),
    ...(editable
      ? {
          base: { title: e.title, summary: e.summary, description: e.description, venue: e.venue },
          translations: structuredClone(e.translations),
        }
      : {}),
  };
}
