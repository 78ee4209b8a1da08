import { useEffect, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useSession, useSignOut } from '../api/session';
import { viewerZone } from '../i18n/format';
import { CheckboxField, Fieldset, TextField } from '../ui/Field';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { Notice } from '../ui/Notice';
import { useOnline } from '../ui/OfflineBanner';
import { Loading, useProblemText } from '../ui/Problem';
import { Camera, cameraScanning } from './Camera';
import { useCheckinI18n } from './i18n/words';
import { decide, type Entry } from './list';
import { CheckinStore, lastEvent, type CheckinState } from './store';
import './checkin.css';

/** `/checkin/:eventId`: the event this door checks families in for. */
function eventIdFromPath(): string | null {
  const m = /^\/checkin\/([0-9a-f-]{36})\/?$/i.exec(location.pathname);
  return m ? m[1].toLowerCase() : null;
}

/** The check-in app at the door: its own entry point, working from the device's list, offline included. */
export function CheckinApp() {
  const { t } = useCheckinI18n();
  const { user, loading } = useSession();
  const eventId = eventIdFromPath();
  const last = eventId ? null : lastEvent();
  return (
    <>
      <header className="site-header">
        <div className="site-header-inner">
          <a href="/" className="brand">
            <img src="/favicon.svg" alt="" width="28" height="28" />
            <span>Kinship</span>
          </a>
          <LanguageSwitch />
        </div>
      </header>
      {!eventId ? (
        <main id="main">
          <h1>{t('checkin.title')}</h1>
          <p>{t('checkin.noEvent')}</p>
          {last && (
            <p>
              <a className="button" href={`/checkin/${last.id}`}>
                {t('checkin.continue', { title: last.title || last.id })}
              </a>
            </p>
          )}
        </main>
      ) : loading ? (
        <main id="main">
          <h1>{t('checkin.title')}</h1>
          <Loading />
        </main>
      ) : user === null ? (
        <main id="main">
          <h1>{t('checkin.title')}</h1>
          <p>{t('checkin.signIn')}</p>
          <p>
            <a className="button" href={`/login?next=${encodeURIComponent(location.pathname)}`}>
              {t('app.nav.signIn')}
            </a>
          </p>
        </main>
      ) : (
        // Signed in, or offline (the session cannot be asked): the device's list is enough.
        <Door eventId={eventId} />
      )}
    </>
  );
}

function useCheckinStore(eventId: string): [CheckinStore, CheckinState] {
  const [store] = useState(() => new CheckinStore(eventId));
  useEffect(() => {
    let stop: (() => void) | undefined;
    let gone = false;
    void store.start().then((s) => (gone ? s() : (stop = s)));
    return () => {
      gone = true;
      stop?.();
    };
  }, [store]);
  return [store, useSyncExternalStore(store.subscribe, store.snapshot)];
}

const CODE_FIELD = 'checkin-code';

/** What the door person just did, shown until the next code. */
type Done = { kind: 'in' | 'undone'; entry: Entry; ids: string[] };

function Door(props: { eventId: string }) {
  const { t } = useCheckinI18n();
  const [store, state] = useCheckinStore(props.eventId);
  const [typed, setTyped] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  // The code field keeps the focus: a scanner types into it the next code at any time.
  const input = { focus: () => document.getElementById(CODE_FIELD)?.focus() };

  const lookUp = (code: string) => {
    setDone(null);
    setAsked(code);
    setTyped('');
    // A family that registered since the last download: online, the answer changes by itself when
    // the list comes back with it (the decision is read from the list at every change).
    if (decide(state.byCode, code).kind === 'unknown') void store.sync();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (typed.trim()) lookUp(typed);
    input.focus();
  };
  const decision = asked !== null ? decide(state.byCode, asked) : null;
  const act = async (kind: Done['kind'], entry: Entry, ids: string[]) => {
    setAsked(null);
    setDone({ kind, entry, ids });
    input.focus();
    await (kind === 'in' ? store.checkIn(entry, ids) : store.undo(entry, ids));
  };

  const persons = state.entries.filter((e) => e.status === 'confirmed').flatMap((e) => e.attendees);
  return (
    <main id="main">
      <h1>{state.title ? t('checkin.eventTitle', { title: state.title }) : t('checkin.title')}</h1>
      <SyncStatus store={store} state={state} />
      {state.phase === 'loading' ? (
        <Loading />
      ) : state.phase === 'empty' ? (
        !state.error && state.syncing ? (
          <p role="status">{t('checkin.downloading')}</p>
        ) : (
          <Notice tone="warning">
            <p>{t('checkin.noList')}</p>
          </Notice>
        )
      ) : (
        <>
          <p>
            {t('checkin.progress', {
              done: persons.filter((a) => a.checkedInAt).length,
              total: persons.length,
            })}
          </p>
          <form onSubmit={submit} className="checkin-form" noValidate>
            <TextField
              id={CODE_FIELD}
              label={t('checkin.code')}
              hint={t('checkin.codeHint')}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              autoCapitalize="characters"
              autoCorrect="off"
              spellCheck={false}
              enterKeyHint="go"
              autoFocus
            />
            <button type="submit" className="button">
              {t('checkin.find')}
            </button>
          </form>
          {cameraScanning() && <Camera onCode={lookUp} />}
          <div aria-live="polite">
            {done && <DoneNotice done={done} onUndo={() => void act('undone', done.entry, done.ids)} />}
            {decision && (
              <DecisionPanel
                key={asked}
                decision={decision}
                onCheckIn={(entry, ids) => void act('in', entry, ids)}
                onUndo={(entry, ids) => void act('undone', entry, ids)}
              />
            )}
          </div>
        </>
      )}
      <Conflicts state={state} onDismiss={() => void store.dismissConflicts()} />
      <Forget store={store} state={state} />
    </main>
  );
}

function SyncStatus(props: { store: CheckinStore; state: CheckinState }) {
  const { t, format } = useCheckinI18n();
  const problem = useProblemText();
  const online = useOnline();
  const { state } = props;
  const error = state.error && !(state.error.offline && !online) ? state.error : undefined;
  return (
    <section className="checkin-status" aria-label={t('checkin.sync')}>
      <p role="status" className={online ? 'checkin-online' : 'checkin-offline'}>
        {online ? t('checkin.online') : t('checkin.offline')}
      </p>
      <p>
        {state.syncedAt
          ? t('checkin.lastSynced', { time: format.instant(state.syncedAt, viewerZone()) })
          : t('checkin.neverSynced')}
      </p>
      <p role="status">
        {state.queue.length > 0 ? t('checkin.waiting', { count: state.queue.length }) : t('checkin.allSent')}
      </p>
      {error && (
        <Notice tone="warning">
          <p>{t('checkin.syncFailed', { reason: problem(error) })}</p>
          {error.status === 401 && (
            // The session ended: the queue stays on the device while the door person signs in again.
            <p>
              <a href={`/login?next=${encodeURIComponent(location.pathname)}`}>{t('app.nav.signIn')}</a>
            </p>
          )}
        </Notice>
      )}
      <button
        type="button"
        className="button button-secondary"
        disabled={!online || state.syncing}
        onClick={() => void props.store.sync()}
      >
        {state.syncing ? t('checkin.syncing') : t('checkin.syncNow')}
      </button>
    </section>
  );
}

function names(entry: Entry, ids: string[]): string {
  return entry.attendees
    .filter((a) => ids.includes(a.id))
    .map((a) => a.name)
    .join(', ');
}

function DoneNotice(props: { done: Done; onUndo: () => void }) {
  const { t } = useCheckinI18n();
  const { done } = props;
  const who = names(done.entry, done.ids);
  return (
    <Notice tone="success" live={false}>
      <p className="notice-title">
        {done.kind === 'in' ? t('checkin.checkedIn', { names: who }) : t('checkin.undone', { names: who })}
      </p>
      {done.kind === 'in' && (
        <button type="button" className="button button-secondary" onClick={props.onUndo}>
          {t('checkin.undo')}
        </button>
      )}
    </Notice>
  );
}

function DecisionPanel(props: {
  decision: ReturnType<typeof decide>;
  onCheckIn: (entry: Entry, ids: string[]) => void;
  onUndo: (entry: Entry, ids: string[]) => void;
}) {
  const { t, format } = useCheckinI18n();
  const d = props.decision;
  const [chosen, setChosen] = useState<Set<string>>(
    () => new Set(d.kind === 'checkable' ? d.waiting.map((a) => a.id) : []),
  );
  if (d.kind === 'unknown') {
    return (
      <Notice tone="error" live={false}>
        <p className="notice-title">{t('checkin.unknown', { code: d.code })}</p>
      </Notice>
    );
  }
  const entry = d.entry;
  const inIds = entry.attendees.filter((a) => a.checkedInAt).map((a) => a.id);
  const undo = inIds.length > 0 && (
    <button type="button" className="button button-secondary" onClick={() => props.onUndo(entry, inIds)}>
      {t('checkin.undo')}
    </button>
  );
  if (d.kind === 'not_checkable') {
    return (
      <Notice tone="error" live={false}>
        <p className="notice-title">
          {entry.status === 'waitlisted'
            ? t('checkin.notCheckable.waitlisted', { name: entry.contactName })
            : t('checkin.notCheckable.cancelled', { name: entry.contactName })}
        </p>
        {undo}
      </Notice>
    );
  }
  const time = (at: string) => format.instant(at, viewerZone());
  if (d.kind === 'checked_in') {
    return (
      <Notice tone="warning" live={false}>
        <p className="notice-title">{t('checkin.alreadyIn', { name: entry.contactName, time: time(d.at) })}</p>
        <ul>
          {entry.attendees.map((a) => (
            <li key={a.id}>{a.name}</li>
          ))}
        </ul>
        {undo}
      </Notice>
    );
  }
  const pick = (id: string, on: boolean) =>
    setChosen((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (chosen.size > 0) props.onCheckIn(entry, [...chosen]);
  };
  return (
    <form className="checkin-family" onSubmit={submit}>
      <h2>{t('checkin.family', { name: entry.contactName })}</h2>
      <Fieldset legend={t('checkin.party')} errors={chosen.size === 0 ? [t('checkin.chooseSomeone')] : undefined}>
        {entry.attendees.map((a) =>
          a.checkedInAt ? (
            <p key={a.id} className="checkin-in">
              {a.name} ({t(a.category === 'child' ? 'checkin.child' : 'checkin.adult')}):{' '}
              {t('checkin.inAt', { time: time(a.checkedInAt) })}
            </p>
          ) : (
            <CheckboxField
              key={a.id}
              label={`${a.name} (${t(a.category === 'child' ? 'checkin.child' : 'checkin.adult')})`}
              checked={chosen.has(a.id)}
              onChange={(e) => pick(a.id, e.target.checked)}
            />
          ),
        )}
      </Fieldset>
      <button type="submit" className="button button-large" disabled={chosen.size === 0}>
        {chosen.size === d.waiting.length ? t('checkin.checkIn') : t('checkin.checkInSome', { count: chosen.size })}
      </button>
      {undo}
    </form>
  );
}

function Conflicts(props: { state: CheckinState; onDismiss: () => void }) {
  const { t, format } = useCheckinI18n();
  const { conflicts } = props.state;
  if (conflicts.length === 0) return null;
  return (
    <section aria-labelledby="conflicts-title" className="checkin-conflicts">
      <h2 id="conflicts-title">
        {t('checkin.conflicts')} ({conflicts.length})
      </h2>
      <ul>
        {conflicts.map((c) => (
          <li key={c.id}>
            <strong>
              {c.contactName ?? c.code}
              {c.names.length > 0 && ` (${c.names.join(', ')})`}
            </strong>{' '}
            {c.undo && `${t('checkin.conflictUndo')} `}
            {t(`checkin.conflict.${c.outcome}`)} <span className="hint">{format.instant(c.at, viewerZone())}</span>
          </li>
        ))}
      </ul>
      <button type="button" className="button button-secondary" onClick={props.onDismiss}>
        {t('checkin.dismiss')}
      </button>
    </section>
  );
}

/** The door closes: the device signs out and keeps no names, once everything is sent. */
function Forget(props: { store: CheckinStore; state: CheckinState }) {
  const { t } = useCheckinI18n();
  const signOut = useSignOut();
  const waiting = props.state.queue.length > 0;
  const forget = async () => {
    if (!(await props.store.forget())) return;
    try {
      await signOut();
    } catch {
      // offline: the session cookie ends by itself; the names are gone from the device already
    }
    location.assign(`/login?next=${encodeURIComponent(location.pathname)}`);
  };
  return (
    <p className="checkin-forget">
      <button
        type="button"
        className="button button-secondary"
        disabled={waiting}
        aria-describedby={waiting ? 'forget-wait' : undefined}
        onClick={() => void forget()}
      >
        {t('checkin.forget')}
      </button>
      {waiting && (
        <span id="forget-wait" className="hint">
          {' '}
          {t('checkin.forgetWait')}
        </span>
      )}
    </p>
  );
}
