/**
 * A few lines over IndexedDB, what the check-in app keeps on the device: each event's list, the
 * operations waiting to be sent, and the conflicts the server reported. No library: the app only
 * reads and writes whole records by key.
 */
const NAME = 'kinship-checkin';
const VERSION = 1;
export type Store = 'lists' | 'queue' | 'conflicts';

let opening: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(NAME, VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      // lists: by eventId; queue and conflicts: by the operation's id, with the event to filter on.
      db.createObjectStore('lists', { keyPath: 'eventId' });
      db.createObjectStore('queue', { keyPath: 'id' }).createIndex('eventId', 'eventId');
      db.createObjectStore('conflicts', { keyPath: 'id' }).createIndex('eventId', 'eventId');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
  });
  opening.catch(() => (opening = undefined));
  return opening;
}

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

async function tx<T>(
  store: Store,
  mode: IDBTransactionMode,
  work: (s: IDBObjectStore) => IDBRequest<T> | void,
): Promise<T | undefined> {
  const db = await open();
  return new Promise<T | undefined>((resolve, reject) => {
    const t = db.transaction(store, mode);
    const req = work(t.objectStore(store));
    let result: T | undefined;
    if (req) req.onsuccess = () => (result = req.result);
    // Resolved once the transaction is committed: what was written survives a reload from then on.
    t.oncomplete = () => resolve(result);
    t.onerror = () => reject(t.error ?? new Error('IndexedDB transaction failed'));
    t.onabort = () => reject(t.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export function get<T>(store: Store, key: string): Promise<T | undefined> {
  return tx<T>(store, 'readonly', (s) => s.get(key) as IDBRequest<T>);
}

/** Every record of an event, in key order. */
export async function allOf<T>(store: Store, eventId: string): Promise<T[]> {
  const db = await open();
  return done(db.transaction(store).objectStore(store).index('eventId').getAll(eventId) as IDBRequest<T[]>);
}

export async function put(store: Store, value: unknown): Promise<void> {
  await tx(store, 'readwrite', (s) => s.put(value));
}

export async function remove(store: Store, keys: string[]): Promise<void> {
  await tx(store, 'readwrite', (s) => {
    for (const k of keys) s.delete(k);
  });
}
