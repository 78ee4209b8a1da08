import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';

export type Sponsorship = Schemas['SponsorshipResponse'];
export type Report = Schemas['ReportResponse'];

export function useMySponsorships() {
  return useQuery({
    queryKey: ['me', 'sponsorships'],
    queryFn: () => call(api.GET('/api/v1/me/sponsorships', { params: { query: { limit: 100 } } })),
  });
}

export function useSponsorship(id: string) {
  return useQuery({
    queryKey: ['me', 'sponsorship', id],
    queryFn: () => call(api.GET('/api/v1/sponsorships/{id}', { params: { path: { id } } })),
  });
}

export function useStatement(id: string, year: number) {
  return useQuery({
    queryKey: ['me', 'sponsorship', id, 'statement', year],
    queryFn: () =>
      call(api.GET('/api/v1/sponsorships/{id}/statement', { params: { path: { id }, query: { year } } })) as Promise<
        Schemas['StatementResponse']
      >,
  });
}
