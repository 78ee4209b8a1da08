import 'reflect-metadata';
import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { createValidationPipe } from '../../common/validation';
import { CreateRegistrationDto } from './registration.dto';

/**
 * The registration body's quick check against the full validation it stands in for: whatever it
 * accepts, the full pipe accepts too and builds into the very same DTO; whatever it turns away,
 * the pipe still judges (same DTO or same error as without the quick check).
 */
const META: ArgumentMetadata = { type: 'body', metatype: CreateRegistrationDto, data: '' };
const pipe = createValidationPipe();
const viaPipe = (body: unknown) => outcome(() => pipe.transform(body, META));
const viaFullValidation = (body: unknown) => outcome(() => ValidationPipe.prototype.transform.call(pipe, body, META));

async function outcome(run: () => Promise<unknown>): Promise<{ dto?: unknown; error?: unknown }> {
  try {
    return { dto: await run() };
  } catch (err) {
    const e = err as { message: string; errors?: unknown };
    return { error: { type: e.constructor.name, message: e.message, errors: e.errors } };
  }
}

const minimal = () => ({
  contact: { name: 'Mei Chen', email: 'mei@example.org' },
  attendees: [{ name: 'Mei Chen', category: 'adult' }],
  consents: { dataProcessing: true },
});

const full = () => ({
  locale: 'zh-CN',
  contact: { name: '  Chen Mei ', email: ' Mei.Chen@Example.org ', phone: ' +86 (10) 1234-5678 ' },
  attendees: [
    { name: 'Chen Mei', category: 'adult' },
    { name: ' 陈小雨 ', category: 'child', birthDate: '2019-02-28' },
    { memberId: '2f1f7c1e-5a3b-4c8e-9d2a-0b6f3e1c7a55' },
  ],
  answers: { diet: 'vegetarian', days: ['sat', 'sun'], bus: true, count: 2, empty: [] },
  consents: { photos: false, dataProcessing: false },
});

/** Every value a field could be swapped for, good or bad. */
const SWAPS: unknown[] = [
  undefined, // the key left out
  null,
  '',
  '   ',
  'x',
  'x'.repeat(200),
  'x'.repeat(201),
  ' ' + 'x'.repeat(200) + ' ',
  `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(50)}.org`,
  'not-an-email',
  'mei@example',
  '+86 10 1234 5678',
  '12',
  '2020-02-30',
  '2020-02-29',
  '2f1f7c1e-5a3b-4c8e-9d2a-0b6f3e1c7a55',
  'adult',
  'child',
  'teen',
  'en',
  'fr',
  '😀',
  '😀'.repeat(150),
  '\uFE0F',
  'a\uFE0Fb',
  0,
  7,
  true,
  false,
  'true',
  [],
  ['a', 'b'],
  [1, { a: 1 }],
  {},
  { a: 'b' },
  { nested: { deep: true } },
  { q: null },
  { q: ['x', null] },
];

type Json = Record<string, unknown> | unknown[];

/** A deep copy as a request body is: parsed from JSON (in this realm, as body-parser parses in the api's). */
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** The paths of every value in a body, e.g. ['attendees', 1, 'birthDate']. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [prefix, ...keys.flatMap((k) => paths((value as Record<string | number, unknown>)[k], [...prefix, k]))];
}

function swapped(body: Json, path: (string | number)[], to: unknown): unknown {
  if (!path.length) return to;
  const copy = json(body) as Json;
  let at = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (to === undefined) {
    if (Array.isArray(at)) at.splice(last as number, 1);
    else delete at[last];
  } else at[last] = json(to);
  return copy;
}

function variants(): { name: string; body: unknown }[] {
  const out: { name: string; body: unknown }[] = [];
  for (const [label, make] of [
    ['minimal', minimal],
    ['full', full],
  ] as const) {
    const base = make();
    out.push({ name: label, body: base });
    for (const path of paths(base)) {
      for (const to of SWAPS)
        out.push({ name: `${label} ${path.join('.')} := ${JSON.stringify(to)}`, body: swapped(base, path, to) });
      if (path.length && typeof path[path.length - 1] === 'string') {
        const parent = path.slice(0, -1);
        out.push({ name: `${label} ${parent.join('.')} + unknown key`, body: swapped(base, [...parent, 'extra'], 1) });
      }
    }
  }
  // Shapes the swaps above do not reach.
  const party = (n: number) => ({
    ...minimal(),
    attendees: Array.from({ length: n }, () => ({ name: 'A', category: 'adult' })),
  });
  out.push({ name: '20 attendees', body: party(20) }, { name: '21 attendees', body: party(21) });
  out.push({ name: 'attendee as a string', body: { ...minimal(), attendees: ['Mei'] } });
  out.push({
    name: 'a __proto__ key',
    body: JSON.parse(
      '{"contact":{"name":"A","email":"a@b.org","__proto__":{"x":1}},"attendees":[{"name":"A","category":"adult"}],"consents":{"dataProcessing":true}}',
    ),
  });
  out.push({
    name: 'a __proto__ answer',
    body: JSON.parse(
      '{"contact":{"name":"A","email":"a@b.org"},"attendees":[{"name":"A","category":"adult"}],"consents":{"dataProcessing":true},"answers":{"__proto__":"x"}}',
    ),
  });
  out.push({ name: 'a Date in answers', body: { ...minimal(), answers: { when: new Date(0) } } });
  out.push({
    name: 'a class instance as contact',
    body: { ...minimal(), contact: Object.assign(new (class Contact {})(), minimal().contact) },
  });
  return out;
}

describe('CreateRegistrationDto.accept (the quick check of the validation pipe)', () => {
  const cases = variants();

  it('should build exactly what the full validation builds, for every body it accepts', async () => {
    let accepted = 0;
    for (const { name, body } of cases) {
      const quick = CreateRegistrationDto.accept(body);
      if (quick === null) continue;
      accepted++;
      const full = await viaFullValidation(body);
      expect({ name, ...full }).toStrictEqual({ name, dto: quick });
      expect(quick).toBeInstanceOf(CreateRegistrationDto);
    }
    // The check is not dead: the bodies a family's browser sends take it.
    expect(accepted).toBeGreaterThan(100);
    expect(CreateRegistrationDto.accept(minimal())).not.toBeNull();
    expect(CreateRegistrationDto.accept(full())).not.toBeNull();
  });

  it('should leave the pipe answering every body as the full validation alone does (same DTO or same error)', async () => {
    let refused = 0;
    for (const { name, body } of cases) {
      const [got, want] = await Promise.all([viaPipe(body), viaFullValidation(body)]);
      expect({ name, ...got }).toStrictEqual({ name, ...want });
      if (want.error) refused++;
    }
    expect(refused).toBeGreaterThan(100);
  });

  it('should trim what the full validation trims', () => {
    const dto = CreateRegistrationDto.accept(full())!;
    expect(dto.contact).toEqual({ name: 'Chen Mei', email: 'Mei.Chen@Example.org', phone: '+86 (10) 1234-5678' });
    expect(dto.attendees[1].name).toBe('陈小雨');
  });
});
