/**
 * A guest's manage token. Mail links carry it in the URL fragment (`#token=`), which browsers never
 * send to a server; older links carry `?token=`. The page takes it out of the address bar at once
 * (so it is not bookmarked, shared or shown over a shoulder) and keeps it for this tab only.
 */
const key = (id: string) => `kinship.manage.${id}`;

export function rememberManageToken(id: string, token: string): void {
  try {
    sessionStorage.setItem(key(id), token);
  } catch {
    memory.set(id, token);
  }
}

const memory = new Map<string, string>();

export function manageToken(id: string): string | null {
  try {
    return sessionStorage.getItem(key(id)) ?? memory.get(id) ?? null;
  } catch {
    return memory.get(id) ?? null;
  }
}

/** Reads the token from the address (fragment or query), keeps it, and strips it from the address bar. */
export function takeTokenFromAddress(id: string): void {
  const url = new URL(location.href);
  const fromHash = new URLSearchParams(url.hash.replace(/^#/, '')).get('token');
  const fromQuery = url.searchParams.get('token');
  const token = fromHash ?? fromQuery;
  if (!token) return;
  rememberManageToken(id, token);
  url.hash = '';
  url.searchParams.delete('token');
  history.replaceState(history.state, '', url.pathname + url.search);
}

/** Headers that let a guest act on their registration; a signed-in family needs none (the cookie). */
export function tokenHeaders(id: string): Record<string, string> {
  const token = manageToken(id);
  return token ? { 'X-Manage-Token': token } : {};
}
