import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';

export type Sponsorship = Schemas['SponsorshipResponse'];
export type Report = Schemas['ReportResponse'];
export type Due = Schemas['DueResponse'];
export type Payment = Schemas['PaymentResponse'];
export type Statement = Schemas['StatementResponse'];

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

/** The student's published reports, oldest first (none while her consent to share them is withdrawn). */
export function useReports(id: string) {
  return useQuery({
    queryKey: ['me', 'sponsorship', id, 'reports'],
    queryFn: () =>
      call(api.GET('/api/v1/sponsorships/{id}/reports', { params: { path: { id }, query: { limit: 100 } } })),
  });
}

export function useReport(id: string, reportId: string) {
  return useQuery({
    queryKey: ['me', 'sponsorship', id, 'report', reportId],
    queryFn: () =>
      call(api.GET('/api/v1/sponsorships/{id}/reports/{reportId}', { params: { path: { id, reportId } } })),
  });
}

export function useStatement(id: string, year: number) {
  return useQuery({
    queryKey: ['me', 'sponsorship', id, 'statement', year],
    queryFn: () =>
      call(
        api.GET('/api/v1/sponsorships/{id}/statement', { params: { path: { id }, query: { year } } }),
      ) as Promise<Statement>,
  });
}

/** The CSV of a year's statement: the API writes it; the browser downloads it with the session cookie. */
export function statementCsvUrl(id: string, year: number): string {
  return `/api/v1/sponsorships/${encodeURIComponent(id)}/statement?year=${year}&format=csv`;
}
