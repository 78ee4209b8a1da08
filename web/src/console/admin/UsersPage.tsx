import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { useSession } from '../../api/session';
import { CheckboxField, Fieldset, SelectField, TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { Loading, ProblemNotice } from '../../ui/Problem';
import { useConsoleI18n } from '../i18n/words';
import { filterParams, Pager, usePageParam } from '../Pager';
import './admin.css';

const LIMIT = 20;
const ROLES = ['family', 'organizer', 'sponsor', 'admin'] as const;
type Role = (typeof ROLES)[number];
const isRole = (v: string | null): v is Role => !!v && (ROLES as readonly string[]).includes(v);

/** Admins find accounts by name or email and change their roles (PUT /users/:id/roles). */
export default function UsersPage() {
  const { t } = useConsoleI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const rawRole = params.get('role');
  const role = isRole(rawRole) ? rawRole : undefined;
  const [page, setPage] = usePageParam();
  const [typed, setTyped] = useState(q);
  const [picked, setPicked] = useState<string>(role ?? '');
  useEffect(() => {
    setTyped(q);
    setPicked(role ?? '');
  }, [q, role]);
  const list = useQuery({
    queryKey: ['console', 'users', q, role ?? '', page],
    queryFn: () =>
      call(api.GET('/api/v1/users', { params: { query: { q: q || undefined, role, page, limit: LIMIT } } })),
  });

  function search(e: FormEvent) {
    e.preventDefault();
    setParams(filterParams({ q: typed, role: picked }));
  }

  return (
    <Page title={t('console.admin.users.title')}>
      <form className="filters" role="search" onSubmit={search}>
        <div className="filter-row">
          <TextField
            label={t('console.admin.users.search')}
            hint={t('console.admin.users.searchHint')}
            type="search"
            value={typed}
            maxLength={200}
            onChange={(e) => setTyped(e.target.value)}
          />
          <SelectField label={t('console.admin.users.role')} value={picked} onChange={(e) => setPicked(e.target.value)}>
            <option value="">{t('console.admin.users.anyRole')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`console.admin.users.roleNames.${r}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t('console.admin.users.searchButton')}
          </button>
        </div>
      </form>
      {list.isPending && <Loading />}
      {list.isError && <ProblemNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <>
          <p className="result-count" role="status">
            {t('console.admin.users.count', { count: list.data.total })}
          </p>
          <ul className="user-list">
            {list.data.items.map((u) => (
              <li key={u.id} className="user-card">
                <UserRoles user={u} />
              </li>
            ))}
          </ul>
          <Pager page={page} total={list.data.total} limit={LIMIT} onPage={setPage} />
        </>
      )}
    </Page>
  );
}

function UserRoles(props: { user: Schemas['UserResponse'] }) {
  const { user: u } = props;
  const { t } = useConsoleI18n();
  const { user: me } = useSession();
  const client = useQueryClient();
  const [roles, setRoles] = useState<Role[]>(u.roles);
  const save = useMutation({
    mutationFn: () => call(api.PUT('/api/v1/users/{id}/roles', { params: { path: { id: u.id } }, body: { roles } })),
    onSuccess: (updated) => {
      setRoles(updated.roles);
      void client.invalidateQueries({ queryKey: ['console', 'users'] });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }
  return (
    <form onSubmit={submit}>
      <h2>{u.name}</h2>
      <p className="cell-line hint">{u.email}</p>
      <Fieldset legend={t('console.admin.users.rolesOf', { name: u.name })}>
        <div className="roles">
          {ROLES.map((r) => (
            <CheckboxField
              key={r}
              label={t(`console.admin.users.roleNames.${r}`)}
              checked={roles.includes(r)}
              // An admin cannot take away their own admin role (the server refuses it too).
              disabled={r === 'admin' && me?.id === u.id}
              onChange={(e) => setRoles((now) => (e.target.checked ? [...now, r] : now.filter((x) => x !== r)))}
            />
          ))}
        </div>
      </Fieldset>
      {save.isError && <ProblemNotice error={save.error} />}
      {save.isSuccess && (
        <Notice tone="success">
          <p>{t('console.admin.users.saved', { name: u.name })}</p>
        </Notice>
      )}
      <div className="actions">
        <button type="submit" className="button button-secondary" disabled={save.isPending || roles.length === 0}>
          {t('console.admin.users.save', { name: u.name })}
        </button>
      </div>
    </form>
  );
}
