import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';

export type EventItem = Schemas['EventResponse'];

/** The event the server put into the page (its link-preview HTML), used for the first paint. */
function inlineEvent(slug: string): EventItem | undefined {
  const el = document.getElementById('kinship-event');
  if (!el?.textContent) return undefined;
  try {
    const event = JSON.parse(el.textContent) as EventItem;
    return event.slug === slug || event.id === slug ? event : undefined;
  } catch {
    return undefined;
  }
}

export function useEvent(slug: string) {
  return useQuery({
    queryKey: ['event', slug],
    queryFn: () => call(api.GET('/api/v1/events/{idOrSlug}', { params: { path: { idOrSlug: slug } } })),
    initialData: () => inlineEvent(slug),
    // the inline copy is as old as the page: refresh it once shown
    initialDataUpdatedAt: 0,
  });
}

export interface EventFilters {
  q?: string;
  kind?: EventItem['kind'];
  format?: EventItem['format'];
  from?: string;
  to?: string;
  programId?: string;
  page?: number;
}

export function useEvents(filters: EventFilters, limit = 20) {
  return useQuery({
    queryKey: ['events', filters, limit],
    queryFn: () => call(api.GET('/api/v1/events', { params: { query: { ...filters, limit } } })),
    placeholderData: (previous) => previous,
  });
}

export function usePrograms() {
  return useQuery({
    queryKey: ['programs'],
    queryFn: () => call(api.GET('/api/v1/programs', { params: { query: { limit: 100 } } })),
    staleTime: 5 * 60_000,
  });
}

/** Today as a calendar date in the viewer's zone ("2027-05-15"), for "upcoming" lists. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
