import { describe, expect, it } from 'vitest';
import { applyAll, decide, indexByCode, mergeList, normalizeCode, type Entry, type Operation } from './list';

function family(code: string, status: Entry['status'], names: string[], inAt: (string | null)[] = []): Entry {
  return {
    id: `reg-${code}`,
    code,
    contactName: names[0],
    status,
    attendees: names.map((name, i) => ({
      id: `${code}-${i}`,
      name,
      category: i === 0 ? 'adult' : 'child',
      checkedInAt: inAt[i] ?? null,
    })),
  };
}

const rai = family('ACD3E9', 'confirmed', ['Asha Rai', 'Mina Rai', 'Sita Rai']);
const kc = family('QRT467', 'waitlisted', ['Binod KC']);
const gone = family('MNP349', 'cancelled', ['Hari Thapa']);
const lama = family(
  'XYW677',
  'confirmed',
  ['Pema Lama', 'Tenzin Lama'],
  ['2027-05-15T04:00:00.000Z', '2027-05-15T04:05:00.000Z'],
);
const list = indexByCode([rai, kc, gone, lama]);

describe('decide', () => {
  it('should read a code in any case, with dashes and spaces', () => {
    expect(normalizeCode(' acd-3e 9 ')).toBe('ACD3E9');
    const d = decide(list, 'acd-3e9');
    expect(d.kind).toBe('checkable');
    expect(d.kind === 'checkable' && d.waiting.map((a) => a.name)).toEqual(['Asha Rai', 'Mina Rai', 'Sita Rai']);
  });

  it('should refuse a waitlisted or cancelled family', () => {
    expect(decide(list, 'QRT467')).toMatchObject({ kind: 'not_checkable', entry: { contactName: 'Binod KC' } });
    expect(decide(list, 'MNP349')).toMatchObject({ kind: 'not_checkable', entry: { status: 'cancelled' } });
  });

  it('should say when a family is all in, with the latest time', () => {
    expect(decide(list, 'XYW677')).toEqual({ kind: 'checked_in', entry: lama, at: '2027-05-15T04:05:00.000Z' });
  });

  it('should say an unknown code is unknown', () => {
    expect(decide(list, 'zzzzzz')).toEqual({ kind: 'unknown', code: 'ZZZZZZ' });
  });

  it('should offer only the attendees not yet in after a partial check-in', () => {
    const op: Operation = { id: 'a', code: 'acd3e9', attendeeIds: ['ACD3E9-1'], at: '2027-05-15T04:10:00.000Z' };
    const after = indexByCode(applyAll([rai], [op]));
    const d = decide(after, 'ACD3E9');
    expect(d.kind === 'checkable' && d.waiting.map((a) => a.name)).toEqual(['Asha Rai', 'Sita Rai']);
  });
});

describe('applyAll', () => {
  it('should stamp only the named attendees not yet in, and only for a confirmed family', () => {
    const at = '2027-05-15T04:10:00.000Z';
    const [r, k] = applyAll(
      [rai, kc],
      [
        { id: '1', code: 'ACD3E9', at },
        { id: '2', code: 'QRT467', at },
      ],
    );
    expect(r.attendees.map((a) => a.checkedInAt)).toEqual([at, at, at]);
    expect(k.attendees[0].checkedInAt).toBeNull();
  });

  it('should keep the first time when a person is checked in twice, and clear on undo', () => {
    const [l] = applyAll([lama], [{ id: '1', code: 'XYW677', at: '2027-05-15T05:00:00.000Z' }]);
    expect(l.attendees[0].checkedInAt).toBe('2027-05-15T04:00:00.000Z');
    const [u] = applyAll([lama], [{ id: '2', code: 'XYW677', undo: true, attendeeIds: ['XYW677-1'], at: 'x' }]);
    expect(u.attendees.map((a) => a.checkedInAt)).toEqual(['2027-05-15T04:00:00.000Z', null]);
  });
});

describe('mergeList', () => {
  it('should replace changed entries by id, keep the others and apply the waiting operations on top', () => {
    const cancelled = { ...rai, status: 'cancelled' as const };
    const pending: Operation[] = [{ id: 'p', code: 'XYW677', undo: true, at: 'x' }];
    const merged = mergeList([rai, kc, lama], [cancelled], false, pending);
    expect(merged.map((e) => [e.code, e.status])).toEqual([
      ['ACD3E9', 'cancelled'],
      ['QRT467', 'waitlisted'],
      ['XYW677', 'confirmed'],
    ]);
    expect(merged[2].attendees.every((a) => a.checkedInAt === null)).toBe(true);
  });

  it('should drop what the device held when the server sends the full list', () => {
    expect(mergeList([rai, kc], [lama], true, []).map((e) => e.code)).toEqual(['XYW677']);
  });
});
