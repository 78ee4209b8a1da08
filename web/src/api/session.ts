import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from './client';

export type User = Schemas['UserResponse'];

export const SESSION_KEY = ['session'] as const;

/** Who is signed in (the HttpOnly cookie is sent by the browser); null for a visitor. */
export function useSession(): { user: User | null | undefined; loading: boolean } {
  const q = useQuery({
    queryKey: SESSION_KEY,
    queryFn: async () => (await call(api.GET('/api/v1/auth/session'))).user,
    staleTime: 60_000,
  });
  return { user: q.data, loading: q.isPending };
}

export function useSignOut(): () => Promise<void> {
  const client = useQueryClient();
  return async () => {
    await call(api.POST('/api/v1/auth/logout'));
    client.setQueryData(SESSION_KEY, null);
    client.removeQueries({ predicate: (q) => q.queryKey[0] === 'me' });
  };
}
