import { describe, expect, it } from 'vitest';
import type { Entry, Operation } from './list';
import { nextBatch, reconcile } from './sync';

const entries: Entry[] = [
  {
    id: 'r1',
    code: 'ACD3E9',
    contactName: 'Asha Rai',
    status: 'confirmed',
    attendees: [
      { id: 'a1', name: 'Asha Rai', category: 'adult', checkedInAt: null },
      { id: 'a2', name: 'Mina Rai', category: 'child', checkedInAt: null },
    ],
  },
  { id: 'r2', code: 'QRT467', contactName: 'Binod KC', status: 'cancelled', attendees: [] },
];
const op = (id: string, code: string, extra: Partial<Operation> = {}): Operation => ({
  id,
  code,
  at: '2027-05-15T04:00:00.000Z',
  ...extra,
});

describe('nextBatch', () => {
  it('should send the oldest 200 first', () => {
    const queue = Array.from({ length: 450 }, (_, i) => op(String(i), 'ACD3E9'));
    expect(nextBatch(queue).map((o) => o.id)).toEqual(queue.slice(0, 200).map((o) => o.id));
    expect(nextBatch(queue.slice(400))).toHaveLength(50);
  });
});

describe('reconcile', () => {
  it('should settle applied and duplicate operations, and report the others as conflicts', () => {
    const sent = [
      op('1', 'ACD3E9', { attendeeIds: ['a2'] }),
      op('2', 'acd-3e9'),
      op('3', 'QRT467'),
      op('4', 'ZZZZZZ'),
      op('5', 'ACD3E9', { undo: true }),
      op('6', 'ACD3E9'),
    ];
    const { settled, conflicts } = reconcile(
      sent,
      [
        { id: '1', outcome: 'checked_in' },
        { id: '2', outcome: 'already_checked_in' },
        { id: '3', outcome: 'not_checkable' },
        { id: '4', outcome: 'unknown_code' },
        { id: '5', outcome: 'duplicate' },
        // 6: no answer (cut short): it stays queued
      ],
      entries,
    );
    expect([...settled]).toEqual(['1', '2', '3', '4', '5']);
    expect(conflicts.map((c) => [c.id, c.outcome, c.contactName, c.names])).toEqual([
      ['2', 'already_checked_in', 'Asha Rai', ['Asha Rai', 'Mina Rai']],
      ['3', 'not_checkable', 'Binod KC', []],
      ['4', 'unknown_code', undefined, []],
    ]);
  });

  it('should match ids whatever their case (the api answers them in lower case)', () => {
    const { settled } = reconcile([op('ABC-DEF', 'ACD3E9')], [{ id: 'abc-def', outcome: 'checked_in' }], entries);
    expect([...settled]).toEqual(['ABC-DEF']);
  });
});
