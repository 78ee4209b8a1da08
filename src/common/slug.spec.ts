import { firstFreeSlug, insertWithFreeSlug, isSlug, slugify, SLUG_MAX, withSuffix } from './slug';

describe('slugify', () => {
  it('should make a readable slug from a title', () => {
    expect(slugify('International Day of Families 2027', 'event')).toBe('international-day-of-families-2027');
    expect(slugify('  She Loves Tech: Pitch Night!! ', 'event')).toBe('she-loves-tech-pitch-night');
    expect(slugify('Science & Technology -- for Girls', 'event')).toBe('science-technology-for-girls');
  });

  it('should drop accents and fold letters without a decomposition', () => {
    expect(slugify('Fête des Familles à Genève', 'event')).toBe('fete-des-familles-a-geneve');
    expect(slugify('Straße Ærø Łódź', 'event')).toBe('strasse-aero-lodz');
    expect(slugify('ｆｕｌｌｗｉｄｔｈ', 'event')).toBe('fullwidth');
  });

  it('should fall back for titles without ascii letters, keeping any digits', () => {
    expect(slugify('国际家庭日', 'event')).toBe('event');
    expect(slugify('国际家庭日 2027', 'event')).toBe('event-2027');
    expect(slugify('助学计划', 'program')).toBe('program');
    expect(slugify('!!!', 'event')).toBe('event');
    expect(slugify('', 'event')).toBe('event');
    expect(slugify('2027', 'event')).toBe('event-2027');
  });

  it('should keep a mixed title readable', () => {
    expect(slugify('国际家庭日 Family Day', 'event')).toBe('family-day');
  });

  it('should never produce a slug shaped like a uuid', () => {
    const uuid = '3f2b8c1e-1234-4abc-8def-0123456789ab';
    expect(slugify(uuid, 'event')).toBe(`event-${uuid}`);
    expect(isSlug(slugify(uuid, 'event'))).toBe(true);
  });

  it('should cut long titles at 100 characters without a trailing hyphen', () => {
    const slug = slugify('word '.repeat(60), 'event');
    expect(slug.length).toBeLessThanOrEqual(100);
    expect(slug).toMatch(/^word(-word)*$/);
  });
});

describe('isSlug', () => {
  it('should accept lower-case words joined by single hyphens', () => {
    for (const s of ['a', 'family-day', 'day-2027', '2027']) expect(isSlug(s)).toBe(true);
  });

  it('should refuse anything else', () => {
    for (const s of ['', 'A', 'a--b', '-a', 'a-', 'a b', 'a_b', 'ä', 'x'.repeat(SLUG_MAX + 1)]) {
      expect(isSlug(s)).toBe(false);
    }
    expect(isSlug('00000000-0000-4000-8000-000000000000')).toBe(false);
  });
});

describe('firstFreeSlug', () => {
  it('should take the base when free, else the lowest free suffix from 2', () => {
    expect(firstFreeSlug('fair', [])).toBe('fair');
    expect(firstFreeSlug('fair', ['fair'])).toBe('fair-2');
    expect(firstFreeSlug('fair', ['fair', 'fair-2', 'fair-3'])).toBe('fair-4');
    expect(firstFreeSlug('fair', ['fair', 'fair-3'])).toBe('fair-2');
  });

  it('should suffix a base that ends in digits rather than counting on from them', () => {
    expect(firstFreeSlug('fair-2027', ['fair-2027'])).toBe('fair-2027-2');
  });

  it('should keep suffixed slugs within the column length', () => {
    const base = 'a'.repeat(SLUG_MAX);
    expect(withSuffix(base, 12)).toHaveLength(SLUG_MAX);
    expect(withSuffix(base, 12).endsWith('-12')).toBe(true);
  });
});

describe('insertWithFreeSlug', () => {
  it('should retry with a fresh slug when a concurrent insert took the one it picked', async () => {
    const stored = new Set(['fair']);
    const tried: string[] = [];
    const row = await insertWithFreeSlug({
      base: 'fair',
      taken: async () => [...stored],
      insert: async (slug) => {
        tried.push(slug);
        // Another request wins the race for fair-2 just before this insert.
        if (slug === 'fair-2' && !stored.has('fair-2')) {
          stored.add('fair-2');
          return null;
        }
        stored.add(slug);
        return { slug };
      },
    });
    expect(row).toEqual({ slug: 'fair-3' });
    expect(tried).toEqual(['fair-2', 'fair-3']);
  });

  it('should try a given slug once and answer null when it is taken', async () => {
    const insert = jest.fn(async () => null);
    await expect(insertWithFreeSlug({ given: 'mine', base: 'x', taken: async () => [], insert })).resolves.toBeNull();
    expect(insert).toHaveBeenCalledTimes(1);
    expect(insert).toHaveBeenCalledWith('mine');
  });

  it('should give up after a few lost races rather than loop forever', async () => {
    await expect(
      insertWithFreeSlug({ base: 'x', taken: async () => [], insert: async () => null, attempts: 3 }),
    ).rejects.toThrow(/no free slug/);
  });
});
