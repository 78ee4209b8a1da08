import {
  canonicalZone,
  changesTimeOrPlace,
  eventFieldErrors,
  EventShape,
  isIanaZone,
  parseInstant,
  publishErrors,
  rangeEndExclusive,
  rangeStart,
  readStatus,
} from './event-rules';

const valid = (o: Partial<EventShape> = {}): EventShape => ({
  format: 'in_person',
  venue: 'Hall',
  onlineUrl: null,
  timezone: 'Asia/Shanghai',
  startsAt: new Date('2099-05-15T02:00:00Z'),
  endsAt: new Date('2099-05-15T08:00:00Z'),
  registrationOpensAt: null,
  registrationClosesAt: null,
  childAgeMin: null,
  childAgeMax: null,
  questions: [],
  ...o,
});
const fields = (e: EventShape) => eventFieldErrors(e).map((x) => x.field);

describe('time zones', () => {
  it('should accept IANA names and fix their letter case', () => {
    expect(canonicalZone('Asia/Shanghai')).toBe('Asia/Shanghai');
    expect(canonicalZone('europe/london')).toBe('Europe/London');
    expect(isIanaZone('UTC')).toBe(true);
    expect(isIanaZone('Etc/GMT+8')).toBe(true);
  });

  it('should keep links and current names as sent rather than take ICU older names', () => {
    expect(canonicalZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(canonicalZone('America/Argentina/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires');
    expect(canonicalZone('Europe/Kyiv')).toBe('Europe/Kyiv');
    expect(canonicalZone('US/Eastern')).toBe('US/Eastern');
  });

  it('should refuse unknown names, offsets and non-strings', () => {
    for (const z of [
      'Mars/Olympus',
      'Asia/Atlantis',
      '+08:00',
      'GMT+8 ',
      '',
      ' Asia/Shanghai',
      'x'.repeat(65),
      8,
      null,
    ]) {
      expect(isIanaZone(z)).toBe(false);
    }
  });
});

describe('parseInstant', () => {
  it('should read ISO 8601 times with an offset', () => {
    expect(parseInstant('2027-05-15T10:00:00+08:00')?.toISOString()).toBe('2027-05-15T02:00:00.000Z');
    expect(parseInstant('2027-05-15T10:00Z')?.toISOString()).toBe('2027-05-15T10:00:00.000Z');
    expect(parseInstant('2027-05-15T10:00:00.123-05:30')?.toISOString()).toBe('2027-05-15T15:30:00.123Z');
    expect(parseInstant('2028-02-29T00:00:00Z')).not.toBeNull();
  });

  it('should refuse times without an offset, impossible dates and anything else', () => {
    for (const v of [
      '2027-05-15T10:00:00',
      '2027-05-15',
      '2027-05-15 10:00:00Z',
      '2027-02-29T10:00:00Z',
      '2027-04-31T10:00:00Z',
      '2027-13-01T10:00:00Z',
      '2027-05-15T24:00:00Z',
      '2027-05-15T10:60:00Z',
      '2027-05-15T10:00:60Z',
      '2027-05-15T10:00:00+19:00',
      'tomorrow',
      '',
      1800000000000,
      null,
    ]) {
      expect(parseInstant(v)).toBeNull();
    }
  });
});

describe('list range bounds', () => {
  it('should read a date as its whole UTC day and an instant exactly', () => {
    expect(rangeStart('2099-06-12').toISOString()).toBe('2099-06-12T00:00:00.000Z');
    expect(rangeEndExclusive('2099-06-12').toISOString()).toBe('2099-06-13T00:00:00.000Z');
    expect(rangeStart('2099-06-12T10:00:00+08:00').toISOString()).toBe('2099-06-12T02:00:00.000Z');
    expect(rangeEndExclusive('2099-06-12T10:00:00+08:00').toISOString()).toBe('2099-06-12T02:00:00.001Z');
  });
});

describe('eventFieldErrors', () => {
  it('should pass a valid event', () => {
    expect(eventFieldErrors(valid())).toEqual([]);
    expect(
      eventFieldErrors(
        valid({
          format: 'hybrid',
          onlineUrl: 'https://x.org',
          registrationOpensAt: new Date('2099-05-01T00:00:00Z'),
          registrationClosesAt: new Date('2099-05-15T02:00:00Z'),
          childAgeMin: 5,
          childAgeMax: 5,
        }),
      ),
    ).toEqual([]);
  });

  it('should want the end after the start', () => {
    expect(fields(valid({ endsAt: new Date('2099-05-15T02:00:00Z') }))).toEqual(['endsAt']);
    expect(fields(valid({ endsAt: new Date('2099-05-15T01:00:00Z') }))).toEqual(['endsAt']);
  });

  it('should close registration no later than the start, and open it before it closes', () => {
    expect(fields(valid({ registrationClosesAt: new Date('2099-05-15T02:00:01Z') }))).toEqual(['registrationClosesAt']);
    expect(
      fields(
        valid({
          registrationOpensAt: new Date('2099-05-10T00:00:00Z'),
          registrationClosesAt: new Date('2099-05-10T00:00:00Z'),
        }),
      ),
    ).toEqual(['registrationOpensAt']);
    expect(eventFieldErrors(valid({ registrationOpensAt: new Date('2099-05-15T02:00:00Z') }))).toEqual([
      { field: 'registrationOpensAt', message: 'registrationOpensAt must be before startsAt' },
    ]);
  });

  it('should want a venue for in_person and hybrid events and a link for online and hybrid ones', () => {
    expect(fields(valid({ venue: null }))).toEqual(['venue']);
    expect(fields(valid({ format: 'online', venue: null }))).toEqual(['onlineUrl']);
    expect(fields(valid({ format: 'hybrid', venue: null }))).toEqual(['venue', 'onlineUrl']);
    expect(fields(valid({ format: 'online', venue: 'Zoom', onlineUrl: 'https://x.org' }))).toEqual([]);
    expect(fields(valid({ onlineUrl: 'https://stream.x.org' }))).toEqual([]);
  });

  it('should want childAgeMin no more than childAgeMax', () => {
    expect(fields(valid({ childAgeMin: 6, childAgeMax: 5 }))).toEqual(['childAgeMax']);
    expect(fields(valid({ childAgeMin: 6 }))).toEqual([]);
    expect(fields(valid({ childAgeMax: 0 }))).toEqual([]);
  });

  it('should check questions: unique ids, options only and always for choices, maxLength only for text', () => {
    const e = valid({
      questions: [
        { id: 'a', label: 'A', type: 'text', required: true, maxLength: 10 },
        { id: 'a', label: 'B', type: 'textarea', required: false },
        { id: 'c', label: 'C', type: 'choice', required: true },
        { id: 'd', label: 'D', type: 'number', required: true, options: ['1'] },
        { id: 'e', label: 'E', type: 'multi_choice', required: true, options: ['x'], maxLength: 3 },
        { id: 'f', label: 'F', type: 'date', required: false, maxLength: 3 },
      ],
    });
    expect(fields(e)).toEqual([
      'questions[1].id',
      'questions[2].options',
      'questions[3].options',
      'questions[4].maxLength',
      'questions[5].maxLength',
    ]);
  });

  it('should report every problem at once', () => {
    expect(
      fields(
        valid({
          format: 'hybrid',
          venue: null,
          endsAt: new Date('2099-05-15T01:00:00Z'),
          registrationClosesAt: new Date('2099-05-16T00:00:00Z'),
          registrationOpensAt: new Date('2099-05-17T00:00:00Z'),
          childAgeMin: 9,
          childAgeMax: 1,
        }),
      ),
    ).toEqual(['endsAt', 'registrationClosesAt', 'registrationOpensAt', 'venue', 'onlineUrl', 'childAgeMax']);
  });
});

describe('publishErrors', () => {
  const now = new Date('2099-01-01T00:00:00Z');

  it('should pass an upcoming valid event', () => {
    expect(publishErrors(valid(), now)).toEqual([]);
  });

  it('should refuse an event that has ended, or a zone that is no longer known', () => {
    expect(publishErrors(valid(), new Date('2099-05-15T08:00:00Z')).map((e) => e.field)).toEqual(['endsAt']);
    expect(publishErrors(valid({ timezone: 'Mars/Olympus' }), now).map((e) => e.field)).toEqual(['timezone']);
  });

  it('should name endsAt once when it is both before the start and past', () => {
    const e = valid({ startsAt: new Date('2001-01-02T00:00:00Z'), endsAt: new Date('2001-01-01T00:00:00Z') });
    expect(publishErrors(e, now).map((x) => x.field)).toEqual(['endsAt']);
  });
});

describe('readStatus', () => {
  const endsAt = new Date('2099-05-15T08:00:00Z');

  it('should read a published event whose end has passed as completed', () => {
    expect(readStatus({ status: 'published', endsAt }, new Date('2099-05-15T07:59:59Z'))).toBe('published');
    expect(readStatus({ status: 'published', endsAt }, endsAt)).toBe('completed');
    expect(readStatus({ status: 'published', endsAt }, new Date('2100-01-01T00:00:00Z'))).toBe('completed');
  });

  it('should leave drafts and cancelled events as they are', () => {
    const later = new Date('2100-01-01T00:00:00Z');
    expect(readStatus({ status: 'draft', endsAt }, later)).toBe('draft');
    expect(readStatus({ status: 'cancelled', endsAt }, later)).toBe('cancelled');
  });
});

describe('changesTimeOrPlace', () => {
  const before = valid({ onlineUrl: 'https://x.org/a' });

  it('should notice a new start, end, venue, link or zone', () => {
    for (const change of [
      { startsAt: new Date('2099-05-15T01:00:00Z') },
      { endsAt: new Date('2099-05-15T09:00:00Z') },
      { venue: 'Other Hall' },
      { venue: null },
      { onlineUrl: 'https://x.org/b' },
      { timezone: 'Europe/Paris' },
    ]) {
      expect(changesTimeOrPlace(before, { ...before, ...change })).toBe(true);
    }
  });

  it('should ignore the same instants as other Date objects', () => {
    expect(
      changesTimeOrPlace(before, {
        ...before,
        startsAt: new Date(before.startsAt.getTime()),
        endsAt: new Date(before.endsAt.getTime()),
      }),
    ).toBe(false);
  });
});
