import type { EventQuestion } from '../events/event.entity';
import { ageProblems, answerProblems, eventFirstDay, firstFit } from './registration-rules';

describe('firstFit', () => {
  const w = (id: string, partySize: number) => ({ id, partySize });

  it('should confirm every family that fits, in request order, skipping those that do not', () => {
    expect(firstFit(5, [w('a', 4), w('b', 3), w('c', 1), w('d', 1)])).toEqual(['a', 'c']);
    expect(firstFit(3, [w('a', 4), w('b', 2), w('c', 2), w('d', 1)])).toEqual(['b', 'd']);
  });

  it('should promote nobody when nothing fits or nothing is free', () => {
    expect(firstFit(0, [w('a', 1)])).toEqual([]);
    expect(firstFit(2, [w('a', 3), w('b', 4)])).toEqual([]);
  });

  it('should leave no waitlisted family that fits the seats left (the invariant)', () => {
    for (let trial = 0; trial < 500; trial++) {
      const list = Array.from({ length: 12 }, (_, i) => w(String(i), 1 + Math.floor(Math.random() * 4)));
      const free = Math.floor(Math.random() * 12);
      const promoted = new Set(firstFit(free, list));
      const left = free - list.filter((x) => promoted.has(x.id)).reduce((s, x) => s + x.partySize, 0);
      expect(left).toBeGreaterThanOrEqual(0);
      expect(list.filter((x) => !promoted.has(x.id) && x.partySize <= left)).toEqual([]);
    }
  });
});

describe('children’s ages on the event day', () => {
  // 10:00 on 15 May 2027 in Kathmandu is still 14 May in UTC (04:15 UTC on the 15th; 23:00 UTC on the 14th is the 15th there).
  const event = {
    startsAt: new Date('2027-05-14T23:00:00Z'),
    timezone: 'Asia/Kathmandu',
    childAgeMin: 12,
    childAgeMax: 18,
  };

  it("should count the day in the event's time zone", () => {
    expect(eventFirstDay(event)).toBe('2027-05-15');
  });

  it('should accept a child who turns 12 on the event day and refuse one who turns 12 the day after', () => {
    expect(ageProblems([{ name: 'Asha', category: 'child', birthDate: '2015-05-15' }], event)).toEqual([]);
    const problems = ageProblems([{ name: 'Bina', category: 'child', birthDate: '2015-05-16' }], event);
    expect(problems).toEqual([
      { field: 'attendees[0].birthDate', message: expect.stringContaining('will be 11 on 2027-05-15') },
    ]);
  });

  it('should refuse a child older than the range, and ignore adults', () => {
    expect(ageProblems([{ name: 'Old', category: 'child', birthDate: '2008-05-14' }], event)).toHaveLength(1);
    expect(ageProblems([{ name: 'Mum', category: 'adult', birthDate: '1980-01-01' }], event)).toEqual([]);
  });
});

describe('answers', () => {
  const questions: EventQuestion[] = [
    { id: 'diet', label: 'Dietary needs', type: 'text', required: true, maxLength: 10 },
    { id: 'size', label: 'T-shirt', type: 'choice', required: false, options: ['S', 'M'] },
    { id: 'langs', label: 'Languages', type: 'multi_choice', required: false, options: ['en', 'zh'] },
    { id: 'age', label: 'Age', type: 'number', required: false },
    { id: 'photo', label: 'Photo ok', type: 'boolean', required: false },
    { id: 'day', label: 'Arrival', type: 'date', required: false },
  ];

  it('should accept well-typed answers', () => {
    expect(
      answerProblems(questions, {
        diet: 'none',
        size: 'M',
        langs: ['zh', 'en'],
        age: 3,
        photo: false,
        day: '2027-05-15',
      }),
    ).toEqual({ invalid: [], missing: [] });
  });

  it('should report a missing required answer apart from malformed ones', () => {
    const r = answerProblems(questions, {
      size: 'XL',
      langs: ['en', 'en'],
      age: '3',
      photo: 'yes',
      day: '2027-02-30',
      extra: 1,
    });
    expect(r.missing.map((e) => e.field)).toEqual(['answers.diet']);
    expect(r.invalid.map((e) => e.field).sort()).toEqual([
      'answers.age',
      'answers.day',
      'answers.extra',
      'answers.langs',
      'answers.photo',
      'answers.size',
    ]);
  });

  it('should hold text to its maximum length', () => {
    expect(answerProblems(questions, { diet: 'x'.repeat(11) }).invalid).toHaveLength(1);
  });
});
