import { describe, expect, it } from 'vitest';
import { ageOn, eventFirstDay, partyProblems, type PartyEvent } from './rules';

const event: PartyEvent = {
  // 00:15 on 15 May in Kathmandu (UTC+05:45) is still 14 May in UTC.
  startsAt: '2027-05-14T18:30:00Z',
  timezone: 'Asia/Kathmandu',
  maxPartySize: 3,
  childAgeMin: 4,
  childAgeMax: 10,
};

describe('eventFirstDay', () => {
  it("should count the day in the event's own zone, not in UTC", () => {
    expect(eventFirstDay(event.startsAt, 'Asia/Kathmandu')).toBe('2027-05-15');
    expect(eventFirstDay(event.startsAt, 'UTC')).toBe('2027-05-14');
  });
});

describe('ageOn', () => {
  it('should have a birthday count only from that day', () => {
    expect(ageOn('2017-05-15', '2027-05-14')).toBe(9);
    expect(ageOn('2017-05-15', '2027-05-15')).toBe(10);
  });
  it('should say not born yet as a negative age', () => {
    expect(ageOn('2027-06-01', '2027-05-15')).toBe(-1);
  });
});

describe('partyProblems', () => {
  it('should accept a party that meets every rule', () => {
    const party = [
      { name: 'Mother', category: 'adult' as const, birthDate: null },
      { name: 'Son', category: 'child' as const, birthDate: '2019-01-01' },
    ];
    expect(partyProblems(party, event)).toEqual([]);
  });

  it('should name the child who turns 11 on the event day in Kathmandu, though still 10 that day in UTC', () => {
    const party = [{ name: 'Rohan', category: 'child' as const, birthDate: '2016-05-15' }];
    expect(partyProblems(party, event)).toEqual([
      {
        field: 'attendees[0].birthDate',
        rule: 'too_old',
        index: 0,
        name: 'Rohan',
        age: 11,
        max: 10,
        day: '2027-05-15',
      },
    ]);
  });

  it('should refuse a child too young, one not born yet, and one without a birth date', () => {
    const party = [
      { name: 'Baby', category: 'child' as const, birthDate: '2025-01-01' },
      { name: 'Soon', category: 'child' as const, birthDate: '2027-09-01' },
      { name: 'Unknown', category: 'child' as const, birthDate: null },
    ];
    expect(partyProblems(party, event).map((p) => p.rule)).toEqual(['too_young', 'not_born', 'birth_date_missing']);
  });

  it('should refuse an empty party, a party over the limit, and a person without a name', () => {
    expect(partyProblems([], event)).toEqual([{ field: 'party', rule: 'empty' }]);
    const four = Array.from({ length: 4 }, (_, i) => ({ name: `P${i}`, category: 'adult' as const, birthDate: null }));
    expect(partyProblems(four, event)).toEqual([{ field: 'party', rule: 'too_many', max: 3 }]);
    expect(partyProblems([{ name: '  ', category: 'adult', birthDate: null }], event)).toEqual([
      { field: 'attendees[0].name', rule: 'name_missing', index: 0 },
    ]);
  });
});
