import { api, ApiError, call, idempotencyKey } from '../api/client';
import * as db from './db';
import { applyAll, indexByCode, mergeList, type Entry, type Operation } from './list';
import { nextBatch, reconcile, type Conflict } from './sync';

/** How often the device asks for changes and sends what waits, while the page is open and online. */
export const SYNC_EVERY_MS = 20_000;

/** The list as the device keeps it: the server's copy with the door's waiting operations on top. */
interface HeldList {
  eventId: string;
  title?: string;
  syncedAt: string;
  /** The ETag the server gave for the list asked with `since = etagFor` ('' for the full list). */
  etag?: string;
  etagFor?: string;
  entries: Entry[];
}

type Queued = Operation & { eventId: string; seq: number };
type StoredConflict = Conflict & { eventId: string; seq: number };

export interface CheckinState {
  /** loading: reading the device's copy; ready: a list is held; empty: none yet (first download pending or failed). */
  phase: 'loading' | 'ready' | 'empty';
  title?: string;
  entries: Entry[];
  byCode: Map<string, Entry>;
  syncedAt?: string;
  queue: Operation[];
  conflicts: Conflict[];
  syncing: boolean;
  /** What went wrong at the last attempt to talk to the server (cleared by the next success). */
  error?: ApiError;
}

let seq = Date.now() * 1000;
const nextSeq = () => ++seq;

/**
 * The check-in app's state on the device: the list from IndexedDB and the server, the queue of
 * check-ins and undos, the conflicts; synced whenever the network allows. Read through
 * `useSyncExternalStore`.
 */
export class CheckinStore {
  private state: CheckinState = {
    phase: 'loading',
    entries: [],
    byCode: new Map(),
    queue: [],
    conflicts: [],
    syncing: false,
  };
  private listeners = new Set<() => void>();
  private held?: HeldList;
  private again = false;
  private timer?: ReturnType<typeof setInterval>;

  constructor(readonly eventId: string) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): CheckinState => this.state;

  private set(change: Partial<CheckinState>): void {
    this.state = { ...this.state, ...change };
    if (change.entries) this.state.byCode = indexByCode(change.entries);
    for (const l of this.listeners) l();
  }

  /** Reads the device's copy, then syncs now, on every return of the network and every few seconds. */
  async start(): Promise<() => void> {
    const [held, queued, conflicts] = await Promise.all([
      db.get<HeldList>('lists', this.eventId),
      db.allOf<Queued>('queue', this.eventId),
      db.allOf<StoredConflict>('conflicts', this.eventId),
    ]);
    this.held = held;
    const queue = queued.sort((a, b) => a.seq - b.seq).map(stripQueued);
    this.set({
      phase: held ? 'ready' : 'empty',
      title: held?.title,
      entries: held ? applyAll(held.entries, queue) : [],
      syncedAt: held ? (lastSynced(this.eventId) ?? held.syncedAt) : undefined,
      queue,
      conflicts: conflicts.sort((a, b) => b.seq - a.seq).map(stripConflict),
    });
    const sync = () => void this.sync();
    window.addEventListener('online', sync);
    this.timer = setInterval(sync, SYNC_EVERY_MS);
    sync();
    return () => {
      window.removeEventListener('online', sync);
      clearInterval(this.timer);
    };
  }

  /** Checks in the named attendees of a family (all when none are named), on the device at once. */
  checkIn(entry: Entry, attendeeIds: string[]): Promise<void> {
    return this.record({ id: idempotencyKey(), code: entry.code, attendeeIds, at: new Date().toISOString() });
  }

  /** Takes back the check-in of the named attendees. */
  undo(entry: Entry, attendeeIds: string[]): Promise<void> {
    return this.record({
      id: idempotencyKey(),
      code: entry.code,
      attendeeIds,
      undo: true,
      at: new Date().toISOString(),
    });
  }

  /** The conflicts are read: they leave the screen and the device. */
  async dismissConflicts(): Promise<void> {
    const ids = this.state.conflicts.map((c) => c.id);
    this.set({ conflicts: [] });
    await db.remove('conflicts', ids);
  }

  /**
   * Removes the event's list and conflicts from the device (a shared door device keeps no names
   * once the door closes). Refused while anything waits to be sent: that would lose a check-in.
   */
  async forget(): Promise<boolean> {
    if (this.state.queue.length > 0) return false;
    await db.remove('lists', [this.eventId]);
    await db.remove(
      'conflicts',
      this.state.conflicts.map((c) => c.id),
    );
    try {
      localStorage.removeItem(`kinship.checkin.synced.${this.eventId}`);
      localStorage.removeItem(LAST_EVENT);
    } catch {
      // storage off: nothing was kept there
    }
    this.held = undefined;
    this.set({ phase: 'empty', entries: [], conflicts: [], syncedAt: undefined, title: undefined });
    return true;
  }

  private async record(op: Operation): Promise<void> {
    const queue = [...this.state.queue, op];
    this.set({ queue, entries: applyAll(this.state.entries, [op]) });
    // Kept before anything is sent: a reload or a closed tab loses nothing the door did.
    await db.put('queue', { ...op, eventId: this.eventId, seq: nextSeq() } satisfies Queued);
    void this.sync();
  }

  /** Sends what waits, in batches, then asks for the changes; one run at a time. */
  async sync(): Promise<void> {
    if (this.state.syncing) {
      this.again = true;
      return;
    }
    if (!navigator.onLine) return;
    this.set({ syncing: true });
    try {
      do {
        this.again = false;
        await this.flush();
        await this.refresh();
      } while (this.again && navigator.onLine);
      this.set({ error: undefined });
    } catch (e) {
      this.set({ error: e instanceof ApiError ? e : new ApiError(0, 'offline', String(e)) });
    } finally {
      this.set({ syncing: false });
    }
  }

  private async flush(): Promise<void> {
    for (let batch = nextBatch(this.state.queue); batch.length > 0; batch = nextBatch(this.state.queue)) {
      const { results } = await call(
        api.POST('/api/v1/events/{id}/check-ins/batch', {
          params: { path: { id: this.eventId } },
          body: {
            items: batch.map(({ id, code, attendeeIds, undo, at }) => ({ id, code, attendeeIds, undo: !!undo, at })),
          },
        }),
      );
      const { settled, conflicts } = reconcile(batch, results, this.state.entries);
      if (settled.size === 0) return; // an answer without our ids: try again later rather than loop
      const stored = conflicts.map((c) => ({ ...c, eventId: this.eventId, seq: nextSeq() }) satisfies StoredConflict);
      for (const c of stored) await db.put('conflicts', c);
      await db.remove('queue', [...settled]);
      this.set({
        queue: this.state.queue.filter((op) => !settled.has(op.id)),
        conflicts: [...conflicts.reverse(), ...this.state.conflicts],
      });
    }
  }

  private async refresh(): Promise<void> {
    const since = this.held?.syncedAt;
    const ifNoneMatch = this.held?.etag && this.held.etagFor === (since ?? '') ? this.held.etag : undefined;
    let response: Response;
    let data: Awaited<ReturnType<typeof list>>['data'];
    try {
      ({ data, response } = await list(this.eventId, since, ifNoneMatch));
    } catch (e) {
      throw new ApiError(0, 'offline', e instanceof Error ? e.message : 'network error');
    }
    // Nothing changed since the list the device holds: it is current as of now.
    if (response.status === 304 && this.held) return this.synced();
    if (!data) await call(Promise.resolve({ data, response, error: undefined }));
    const answer = data!;
    const title = this.held?.title ?? (await this.eventTitle());
    const serverEntries = mergeList(this.held?.entries ?? [], answer.registrations, answer.full, []);
    // Nothing new to the device (the answer may repeat what it holds: `since` overlaps): ask with the
    // same `since` and its ETag next time, which the server answers with an empty 304 for as long as
    // nothing changes. A change moves `since` on.
    const held = new Map((this.held?.entries ?? []).map((e) => [e.id, JSON.stringify(e)]));
    const quiet = since !== undefined && answer.registrations.every((e) => held.get(e.id) === JSON.stringify(e));
    this.held = {
      eventId: this.eventId,
      title,
      syncedAt: quiet ? since : answer.syncedAt,
      etag: response.headers.get('ETag') ?? undefined,
      etagFor: since ?? '',
      entries: serverEntries,
    };
    // The operations still waiting (one may have been made during the download) stay on top.
    this.set({ phase: 'ready', title, entries: applyAll(serverEntries, this.state.queue) });
    await db.put('lists', this.held);
    this.synced();
  }

  /** The last time the device had the server's list, by its own clock (kept across reloads). */
  private synced(): void {
    const at = new Date().toISOString();
    try {
      localStorage.setItem(`kinship.checkin.synced.${this.eventId}`, at);
      localStorage.setItem(LAST_EVENT, JSON.stringify({ id: this.eventId, title: this.state.title ?? '' }));
    } catch {
      // storage off: the time shows until the page is closed
    }
    this.set({ syncedAt: at });
  }

  private async eventTitle(): Promise<string | undefined> {
    try {
      const event = await call(api.GET('/api/v1/events/{idOrSlug}', { params: { path: { idOrSlug: this.eventId } } }));
      return event.title;
    } catch {
      return undefined;
    }
  }
}

function list(eventId: string, since: string | undefined, ifNoneMatch: string | undefined) {
  return api.GET('/api/v1/events/{id}/check-in-list', {
    params: {
      path: { id: eventId },
      query: since ? { since } : {},
      header: ifNoneMatch ? { 'If-None-Match': ifNoneMatch } : {},
    },
    // The device's copy is the cache: a 304 must come back as one.
    cache: 'no-store',
  });
}

const LAST_EVENT = 'kinship.checkin.last';

/** The event this device last checked in for: the installed app opens on /checkin/ and offers it. */
export function lastEvent(): { id: string; title: string } | null {
  try {
    const v = JSON.parse(localStorage.getItem(LAST_EVENT) ?? 'null') as { id?: unknown; title?: unknown } | null;
    return v && typeof v.id === 'string' ? { id: v.id, title: typeof v.title === 'string' ? v.title : '' } : null;
  } catch {
    return null;
  }
}

function lastSynced(eventId: string): string | undefined {
  try {
    return localStorage.getItem(`kinship.checkin.synced.${eventId}`) ?? undefined;
  } catch {
    return undefined;
  }
}

function stripQueued({ eventId: _e, seq: _s, ...op }: Queued): Operation {
  return op;
}
function stripConflict({ eventId: _e, seq: _s, ...c }: StoredConflict): Conflict {
  return c;
}
