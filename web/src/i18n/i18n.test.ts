import { describe, expect, it } from 'vitest';
import { en } from './en';
import { makeFormat } from './format';
import { localeFrom, translate, type Key, type Locale } from './i18n';
import { ne } from './ne';
import { zhCN } from './zh-CN';

const catalogues = { en, 'zh-CN': zhCN, ne } as const;

/** Every leaf of a catalogue as [path, text]; a plural's forms each count. */
function leaves(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the catalogues', () => {
  const english = new Map(leaves(en));
  for (const [locale, catalogue] of Object.entries(catalogues)) {
    it(`${locale} should fill in the same placeholders as English in every text`, () => {
      const wrong = leaves(catalogue)
        .filter(([path, text]) => {
          const source = english.get(path) ?? english.get(path.replace(/\.one$/, '.other'))!;
          // A plural's `one` form may name the count as a word instead of {count}.
          const mine = placeholders(text).filter((p) => !(path.endsWith('.one') && p === 'count'));
          const theirs = placeholders(source).filter((p) => !(path.endsWith('.one') && p === 'count'));
          return mine.join() !== theirs.join();
        })
        .map(([path]) => path);
      expect(wrong).toEqual([]);
    });
  }

  it('should leave no English in the Chinese and Nepali texts, but for names and codes', () => {
    const allowed = /Kinship|QR|Google|CSV|API|\.ics|\/docs|name@example\.com|\d{4}-\d{2}-\d{2}|Calendar/g;
    for (const catalogue of [zhCN, ne]) {
      const english = leaves(catalogue).filter(([, text]) =>
        /[A-Za-z]{3,}/.test(text.replace(/\{\w+\}/g, '').replace(allowed, '')),
      );
      expect(english).toEqual([]);
    }
  });
});

describe('translate', () => {
  const t = (locale: Locale, key: Key, params?: Record<string, string | number>) =>
    translate(catalogues[locale], locale, makeFormat(locale), key, params);

  it('should pick the plural form by the count, in each language', () => {
    expect(t('en', 'event.seatsLeft', { count: 1 })).toBe('1 place left');
    expect(t('en', 'event.seatsLeft', { count: 12 })).toBe('12 places left');
    expect(t('zh-CN', 'event.seatsLeft', { count: 1 })).toBe('剩余 1 个名额');
  });

  it('should write numbers in Devanagari digits in Nepali', () => {
    expect(t('ne', 'manage.statusWaitlisted', { position: 12 })).toBe('प्रतीक्षा सूचीमा क्रम संख्या १२');
  });

  it('should leave text parameters as they are', () => {
    expect(t('en', 'manage.qrLabel', { code: 'AB12CD' })).toBe('QR code of your check-in code AB12CD');
  });
});

describe('localeFrom', () => {
  it('should read the languages mail links and browsers name', () => {
    expect(localeFrom('zh')).toBe('zh-CN');
    expect(localeFrom('zh-Hans-CN')).toBe('zh-CN');
    expect(localeFrom('ne-NP')).toBe('ne');
    expect(localeFrom('en-US')).toBe('en');
    expect(localeFrom('fr')).toBeNull();
    expect(localeFrom(null)).toBeNull();
  });
});
