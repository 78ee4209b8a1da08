import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';

/** One event as its organizers see it (drafts included). */
export function useEvent(id: string) {
  return useQuery({
    queryKey: ['console', 'event', id],
    queryFn: () => call(api.GET('/api/v1/events/{idOrSlug}', { params: { path: { idOrSlug: id } } })),
  });
}

/** Where the attendee list's CSV comes from (the session cookie rides along). */
export function exportUrl(eventId: string): string {
  return `/api/v1/events/${encodeURIComponent(eventId)}/registrations/export.csv`;
}
