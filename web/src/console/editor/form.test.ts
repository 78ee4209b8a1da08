import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import {
  addQuestion,
  controlId,
  emptyForm,
  eventBody,
  formField,
  formFromEvent,
  formProblems,
  moveQuestion,
  removeQuestion,
  toZonedInput,
  updateQuestion,
  zonedToInstant,
  type EventForm,
} from './form';

/** A form that breaks no rule: an in-person day in Kathmandu. */
function valid(overrides: Partial<EventForm> = {}): EventForm {
  return {
    ...emptyForm('Asia/Kathmandu'),
    title: 'Family Day',
    venue: 'Community Hall',
    startsAt: '2027-05-15T10:00',
    endsAt: '2027-05-15T16:00',
    ...overrides,
  };
}
const rules = (f: EventForm) => formProblems(f).map((p) => `${p.field}:${p.rule}`);

describe('zonedToInstant and toZonedInput', () => {
  it('should give the wall-clock time in the event zone with that zone’s offset', () => {
    expect(zonedToInstant('2027-05-15T10:00', 'Asia/Kathmandu')).toBe('2027-05-15T10:00:00+05:45');
    expect(zonedToInstant('2027-05-15T10:00', 'Asia/Shanghai')).toBe('2027-05-15T10:00:00+08:00');
    expect(zonedToInstant('2027-01-15T10:00', 'America/New_York')).toBe('2027-01-15T10:00:00-05:00');
    expect(zonedToInstant('2027-07-15T10:00', 'America/New_York')).toBe('2027-07-15T10:00:00-04:00');
  });

  it('should refuse an impossible date or an unknown zone', () => {
    expect(zonedToInstant('2027-02-30T10:00', 'UTC')).toBeNull();
    expect(zonedToInstant('2027-05-15T10:00', 'Mars/Olympus')).toBeNull();
    expect(zonedToInstant('', 'UTC')).toBeNull();
  });

  it('should read an instant back as the wall-clock time in the zone', () => {
    expect(toZonedInput('2027-05-15T04:15:00Z', 'Asia/Kathmandu')).toBe('2027-05-15T10:00');
    expect(toZonedInput(zonedToInstant('2027-11-07T01:30', 'America/New_York')!, 'America/New_York')).toBe(
      '2027-11-07T01:30',
    );
  });
});

describe('emptyForm', () => {
  it('should start in the organizer’s zone, by its current name', () => {
    expect(emptyForm('Asia/Katmandu').timezone).toBe('Asia/Kathmandu');
    expect(emptyForm('Asia/Shanghai').timezone).toBe('Asia/Shanghai');
  });
});

describe('formProblems', () => {
  it('should find nothing wrong with a valid form', () => {
    expect(formProblems(valid())).toEqual([]);
  });

  it('should need a title, a start and an end, and a venue for an in-person event', () => {
    expect(rules(valid({ title: '  ', venue: '', startsAt: '', endsAt: '' }))).toEqual([
      'title:required',
      'venue:required',
      'startsAt:required',
      'endsAt:required',
    ]);
  });

  it('should need an http(s) link for online and hybrid events, and a venue for hybrid ones', () => {
    expect(rules(valid({ format: 'online', venue: '' }))).toEqual(['onlineUrl:required']);
    expect(rules(valid({ format: 'hybrid', venue: '', onlineUrl: 'javascript:alert(1)' }))).toEqual([
      'venue:required',
      'onlineUrl:url',
    ]);
    expect(rules(valid({ format: 'online', onlineUrl: 'https://meet.example.org/x' }))).toEqual([]);
  });

  it('should check the times against each other as the server does', () => {
    expect(rules(valid({ endsAt: '2027-05-15T10:00' }))).toEqual(['endsAt:after_start']);
    expect(rules(valid({ registrationClosesAt: '2027-05-15T11:00' }))).toEqual([
      'registrationClosesAt:closes_after_start',
    ]);
    expect(rules(valid({ registrationOpensAt: '2027-05-15T10:00' }))).toEqual([
      'registrationOpensAt:opens_after_closes',
    ]);
    expect(rules(valid({ registrationOpensAt: '2027-05-01T09:00', registrationClosesAt: '2027-04-30T09:00' }))).toEqual(
      ['registrationOpensAt:opens_after_closes'],
    );
  });

  it('should check numbers, ages and the time zone', () => {
    expect(
      rules(
        valid({ capacity: '-1', maxPartySize: '21', childAgeMin: '12', childAgeMax: '6', timezone: 'Nowhere/Land' }),
      ),
    ).toEqual(['timezone:zone', 'capacity:whole_number', 'maxPartySize:range', 'childAgeMax:age_order']);
    expect(rules(valid({ capacity: '100001' }))).toEqual(['capacity:range']);
  });

  it('should check lengths, the slug, translations of other languages only, and co-organizer ids', () => {
    const long = 'x'.repeat(201);
    const f = valid({ title: long, slug: 'Family Day', coOrganizerIds: 'not-an-id' });
    f.translations['zh-CN'].title = long;
    f.translations.en.title = long; // the content language: its translation is not used
    expect(rules(f)).toEqual(['title:too_long', 'slug:slug', 'translations.zh-CN.title:too_long', 'userIds:uuid']);
  });
});

describe('the question builder', () => {
  it('should add questions with ids of their own, remove and reorder them', () => {
    let qs = addQuestion(addQuestion([]));
    expect(qs.map((q) => q.id)).toEqual(['question-1', 'question-2']);
    qs = removeQuestion(qs, 0);
    qs = addQuestion(qs);
    expect(qs.map((q) => q.id)).toEqual(['question-2', 'question-3']);
    expect(new Set(qs.map((q) => q.key)).size).toBe(2);
    qs = moveQuestion(qs, 1, -1);
    expect(qs.map((q) => q.id)).toEqual(['question-3', 'question-2']);
    expect(moveQuestion(qs, 0, -1)).toBe(qs);
    expect(moveQuestion(qs, 1, 1)).toBe(qs);
    qs = updateQuestion(qs, 0, { label: 'T-shirt size', type: 'choice', required: true });
    expect(qs[0]).toMatchObject({ id: 'question-3', label: 'T-shirt size', type: 'choice', required: true });
  });

  it('should check each question: its id, label, options for choices, maxLength for texts', () => {
    let qs = addQuestion(addQuestion(addQuestion([])));
    qs = updateQuestion(qs, 0, { id: 'Size!', label: '' });
    qs = updateQuestion(qs, 1, { id: 'question-3', label: 'Size', type: 'multi_choice', options: 'S\n\nS' });
    qs = updateQuestion(qs, 2, { label: 'Notes', type: 'textarea', maxLength: '0' });
    expect(rules(valid({ questions: qs }))).toEqual([
      'questions[0].id:question_id',
      'questions[0].label:required',
      'questions[1].options:duplicate_option',
      'questions[2].id:duplicate_id',
      'questions[2].maxLength:range',
    ]);
    expect(rules(valid({ questions: updateQuestion(qs, 1, { options: '  ' }) }))).toContain(
      'questions[1].options:options_required',
    );
  });
});

describe('eventBody', () => {
  it('should send the times with the zone’s offset, blanks as null and questions as the API models them', () => {
    let qs = addQuestion(addQuestion([]));
    qs = updateQuestion(qs, 0, { label: ' Size ', type: 'choice', options: ' S \nM\n', maxLength: '10' });
    qs = updateQuestion(qs, 1, { label: 'Diet', type: 'text', maxLength: '80', options: 'ignored', required: true });
    const f = valid({ questions: qs, childAgeMin: '4', registrationClosesAt: '2027-05-14T18:00' });
    f.translations['zh-CN'] = { title: ' 家庭日 ', summary: '', description: '', venue: '' };
    const body = eventBody(f, 'create');
    expect(body).toMatchObject({
      title: 'Family Day',
      venue: 'Community Hall',
      onlineUrl: null,
      timezone: 'Asia/Kathmandu',
      startsAt: '2027-05-15T10:00:00+05:45',
      endsAt: '2027-05-15T16:00:00+05:45',
      registrationOpensAt: null,
      registrationClosesAt: '2027-05-14T18:00:00+05:45',
      capacity: 50,
      maxPartySize: 6,
      childAgeMin: 4,
      childAgeMax: null,
      programId: null,
      contentLocale: 'en',
      translations: { 'zh-CN': { title: '家庭日' } },
      questions: [
        { id: 'question-1', label: 'Size', type: 'choice', required: false, options: ['S', 'M'] },
        { id: 'question-2', label: 'Diet', type: 'text', required: true, maxLength: 80 },
      ],
    });
    expect(body).not.toHaveProperty('slug');
    expect(body.translations).not.toHaveProperty('ne');
  });

  it('should remove blank translations and the content language’s on update', () => {
    const f = valid({ contentLocale: 'zh-CN', slug: 'family-day' });
    f.translations.en.title = 'Family Day';
    expect(eventBody(f, 'update')).toMatchObject({
      slug: 'family-day',
      translations: { en: { title: 'Family Day' }, 'zh-CN': null, ne: null },
    });
  });

  it('should turn an event back into the same form', () => {
    const event = {
      id: 'e1',
      slug: 'family-day',
      title: '家庭日',
      summary: 's',
      description: 'd',
      venue: 'v',
      locale: 'zh-CN',
      availableLocales: ['en', 'zh-CN'],
      contentLocale: 'en',
      kind: 'workshop',
      format: 'hybrid',
      onlineUrl: 'https://meet.example.org/a',
      timezone: 'Asia/Kathmandu',
      startsAt: '2027-05-15T04:15:00.000Z',
      endsAt: '2027-05-15T10:15:00.000Z',
      registrationOpensAt: null,
      registrationClosesAt: '2027-05-14T12:15:00.000Z',
      capacity: 40,
      waitlistEnabled: false,
      maxPartySize: 4,
      childAgeMin: null,
      childAgeMax: 12,
      programId: null,
      questions: [{ id: 'size', label: 'Size', type: 'choice', required: true, options: ['S', 'M'] }],
      organizerIds: ['creator', 'co-1', 'co-2'],
      base: { title: 'Family Day', summary: 'Games', description: 'All day', venue: 'Hall' },
      translations: { 'zh-CN': { title: '家庭日' } },
    } as unknown as Schemas['EventResponse'];
    const f = formFromEvent(event);
    expect(f).toMatchObject({
      title: 'Family Day',
      venue: 'Hall',
      startsAt: '2027-05-15T10:00',
      endsAt: '2027-05-15T16:00',
      registrationClosesAt: '2027-05-14T18:00',
      capacity: '40',
      childAgeMax: '12',
      coOrganizerIds: 'co-1\nco-2',
    });
    expect(f.translations['zh-CN'].title).toBe('家庭日');
    expect(f.questions[0]).toMatchObject({ id: 'size', options: 'S\nM', required: true });
    expect(eventBody(f, 'update').startsAt).toBe('2027-05-15T10:00:00+05:45');
  });

  it('should name controls after the server’s field names', () => {
    expect(controlId('questions[2].options')).toBe('f-questions-2-options');
    expect(controlId('translations.zh-CN.title')).toBe('f-translations-zh-CN-title');
    expect(formField('userIds[3]')).toBe('userIds');
    expect(formField('questions[3].id')).toBe('questions[3].id');
  });
});
