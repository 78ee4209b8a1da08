import { Event } from './event.entity';
import { toEventResponse } from './events.mapper';

const event = (o: Partial<Event> = {}): Event =>
  Object.assign(new Event(), {
    id: 'e1',
    slug: 'family-day',
    title: 'Family Day',
    summary: '',
    description: '',
    contentLocale: 'en',
    translations: {},
    kind: 'celebration',
    format: 'hybrid',
    venue: 'Hall',
    onlineUrl: 'https://x.org/live',
    timezone: 'Asia/Shanghai',
    startsAt: new Date('2099-05-15T02:00:00Z'),
    endsAt: new Date('2099-05-15T08:00:00Z'),
    registrationOpensAt: null,
    registrationClosesAt: new Date('2099-05-14T00:00:00Z'),
    capacity: 10,
    seatsTaken: 4,
    waitlistCount: 2,
    waitlistEnabled: true,
    maxPartySize: 6,
    childAgeMin: null,
    childAgeMax: 12,
    programId: null,
    questions: [{ id: 'q', label: 'Q', type: 'choice', required: true, options: ['a', 'b'] }],
    status: 'published',
    changeVersion: 3,
    createdBy: 'u1',
    publishedAt: new Date('2099-01-01T00:00:00Z'),
    cancelledAt: null,
    createdAt: new Date('2098-12-01T00:00:00Z'),
    updatedAt: new Date('2098-12-02T00:00:00Z'),
    ...o,
  });

describe('toEventResponse', () => {
  const now = new Date('2099-03-01T00:00:00Z');

  it('should hide the online link and organizer ids from the public', () => {
    const res = toEventResponse(event(), { canSeeOnlineUrl: false, isOrganizer: false, organizerIds: ['u1'] }, now);
    expect(res.onlineUrl).toBeNull();
    expect(res).not.toHaveProperty('organizerIds');
    expect(res).not.toHaveProperty('changeVersion');
    expect(res).not.toHaveProperty('createdBy');
    expect(res).toMatchObject({
      seatsTaken: 4,
      seatsRemaining: 6,
      waitlistCount: 2,
      status: 'published',
      startsAt: '2099-05-15T02:00:00.000Z',
      registrationOpensAt: null,
      registrationClosesAt: '2099-05-14T00:00:00.000Z',
      questions: [{ id: 'q', label: 'Q', type: 'choice', required: true, options: ['a', 'b'] }],
    });
  });

  it('should show them to organizers', () => {
    const res = toEventResponse(event(), { canSeeOnlineUrl: true, isOrganizer: true, organizerIds: ['u1', 'u2'] }, now);
    expect(res.onlineUrl).toBe('https://x.org/live');
    expect(res.organizerIds).toEqual(['u1', 'u2']);
  });

  it('should derive completed and never show negative seats remaining', () => {
    const res = toEventResponse(
      event({ seatsTaken: 10 }),
      { canSeeOnlineUrl: false, isOrganizer: false },
      new Date('2100-01-01T00:00:00Z'),
    );
    expect(res).toMatchObject({ status: 'completed', seatsRemaining: 0 });
  });

  describe('languages', () => {
    const translated = () =>
      event({
        translations: {
          ne: { title: 'पारिवारिक दिवस', venue: 'सामुदायिक भवन' },
          'zh-CN': { title: '家庭日', summary: '全家同乐' },
        },
      });
    const publicView = { canSeeOnlineUrl: false, isOrganizer: false };

    it('should answer in the asked locale field by field, the base filling the gaps', () => {
      const res = toEventResponse(translated(), { ...publicView, asked: 'ne' }, now);
      expect(res).toMatchObject({
        locale: 'ne',
        contentLocale: 'en',
        title: 'पारिवारिक दिवस',
        summary: '',
        venue: 'सामुदायिक भवन',
        availableLocales: ['en', 'zh-CN', 'ne'],
      });
    });

    it('should answer in the content language when the asked one is missing or none is asked', () => {
      const only = event({ translations: { 'zh-CN': { title: '家庭日' } } });
      expect(toEventResponse(only, { ...publicView, asked: 'ne' }, now)).toMatchObject({
        locale: 'en',
        title: 'Family Day',
        availableLocales: ['en', 'zh-CN'],
      });
      expect(toEventResponse(only, publicView, now)).toMatchObject({ locale: 'en', title: 'Family Day' });
    });

    it('should give the base fields and translations to organizers editing, never to the public or in lists', () => {
      const pub = toEventResponse(translated(), { ...publicView, asked: 'ne', editable: true }, now);
      expect(pub).not.toHaveProperty('translations');
      expect(pub).not.toHaveProperty('base');
      const listed = toEventResponse(translated(), { canSeeOnlineUrl: true, isOrganizer: true, asked: 'ne' }, now);
      expect(listed).not.toHaveProperty('translations');
      const editing = toEventResponse(
        translated(),
        { canSeeOnlineUrl: true, isOrganizer: true, asked: 'ne', editable: true },
        now,
      );
      expect(editing.title).toBe('पारिवारिक दिवस');
      expect(editing.base).toEqual({ title: 'Family Day', summary: '', description: '', venue: 'Hall' });
      expect(editing.translations).toEqual(translated().translations);
    });
  });
});
