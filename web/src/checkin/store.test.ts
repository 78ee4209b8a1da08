import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import type { Entry } from './list';

/** IndexedDB stood in for by maps (happy-dom has none); the store's own logic runs as it is. */
const tables = vi.hoisted(() => ({
  lists: new Map<string, unknown>(),
  queue: new Map<string, unknown>(),
  conflicts: new Map<string, unknown>(),
}));
vi.mock('./db', () => ({
  get: (store: keyof typeof tables, key: string) => Promise.resolve(tables[store].get(key)),
  allOf: (store: keyof typeof tables, eventId: string) =>
    Promise.resolve([...tables[store].values()].filter((v) => (v as { eventId: string }).eventId === eventId)),
  put: (store: keyof typeof tables, value: { id?: string; eventId: string }) => {
    tables[store].set(store === 'lists' ? value.eventId : value.id!, value);
    return Promise.resolve();
  },
  remove: (store: keyof typeof tables, keys: string[]) => {
    keys.forEach((k) => tables[store].delete(k));
    return Promise.resolve();
  },
}));

const { CheckinStore } = await import('./store');

const EVENT = '7b0c1d3e-0000-4000-8000-000000000001';
const family: Entry = {
  id: 'r1',
  code: 'ACD3E9',
  contactName: 'Asha Rai',
  status: 'confirmed',
  attendees: [{ id: 'a1', name: 'Asha Rai', category: 'adult', checkedInAt: null }],
};

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ETag: '"v1"' } });
}

beforeEach(() => {
  Object.values(tables).forEach((t) => t.clear());
  tables.lists.set(EVENT, { eventId: EVENT, title: 'Picnic', syncedAt: '2027-05-15T04:00:00.000Z', entries: [family] });
  // 450 operations a device made offline (the same family scanned again and again).
  for (let i = 0; i < 450; i++) {
    tables.queue.set(`op-${i}`, {
      id: `op-${i}`,
      code: 'ACD3E9',
      at: '2027-05-15T04:10:00.000Z',
      eventId: EVENT,
      seq: i,
    });
  }
});
afterEach(() => vi.restoreAllMocks());

describe('CheckinStore.sync', () => {
  it('should send what waits in batches of 200, oldest first, and keep the conflicts', async () => {
    const sent: string[][] = [];
    vi.spyOn(api, 'POST').mockImplementation((async (_path: string, init: { body: { items: { id: string }[] } }) => {
      const ids = init.body.items.map((i) => i.id);
      sent.push(ids);
      const results = ids.map((id) => ({ id, outcome: id === 'op-0' ? 'checked_in' : 'already_checked_in' }));
      return { data: { results }, response: json({ results }) };
    }) as never);
    vi.spyOn(api, 'GET').mockImplementation((async () => ({
      data: undefined,
      response: new Response(null, { status: 304 }),
    })) as never);
    const store = new CheckinStore(EVENT);
    const stop = await store.start();
    await vi.waitFor(() => expect(store.snapshot().syncing).toBe(false));
    await vi.waitFor(() => expect(store.snapshot().queue).toHaveLength(0));
    stop();
    expect(sent.map((b) => b.length)).toEqual([200, 200, 50]);
    expect(sent.flat()).toEqual(Array.from({ length: 450 }, (_, i) => `op-${i}`));
    expect(tables.queue.size).toBe(0);
    expect(store.snapshot().conflicts).toHaveLength(449);
    expect(tables.conflicts.size).toBe(449);
  });

  it('should keep the queue when the server cannot be reached, and say so', async () => {
    vi.spyOn(api, 'POST').mockRejectedValue(new TypeError('Failed to fetch'));
    const store = new CheckinStore(EVENT);
    const stop = await store.start();
    await vi.waitFor(() => expect(store.snapshot().error?.offline).toBe(true));
    stop();
    expect(store.snapshot().queue).toHaveLength(450);
    expect(tables.queue.size).toBe(450);
  });
});
