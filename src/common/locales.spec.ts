import { bestOfAcceptLanguage, isLocale, localeOfTag, negotiateLocale } from './locales';

describe('localeOfTag', () => {
  it.each([
    ['en', 'en'],
    ['en-US', 'en'],
    ['EN-gb', 'en'],
    ['zh', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh-cn', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh_CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['ne', 'ne'],
    ['ne-NP', 'ne'],
  ])('should read %s as %s', (tag, locale) => {
    expect(localeOfTag(tag)).toBe(locale);
  });

  it.each([['fr'], ['hi-IN'], ['nep'], [''], ['*'], ['en;q=1'], ['e'], ['en--US'], [`en-${'x'.repeat(40)}`]])(
    'should not read %j as a locale Kinship speaks',
    (tag) => {
      expect(localeOfTag(tag)).toBeNull();
    },
  );

  it('should refuse what is not a string', () => {
    expect(localeOfTag(['ne'])).toBeNull();
    expect(localeOfTag(undefined)).toBeNull();
    expect(localeOfTag({ lang: 'ne' })).toBeNull();
  });
});

describe('bestOfAcceptLanguage', () => {
  it('should take the first tag Kinship speaks, in the order given', () => {
    expect(bestOfAcceptLanguage('ne-NP,ne;q=0.9,en;q=0.8')).toBe('ne');
    expect(bestOfAcceptLanguage('fr-FR, zh-CN;q=0.8, en;q=0.5')).toBe('zh-CN');
    expect(bestOfAcceptLanguage('hi-IN,hi;q=0.9,ne;q=0.8,en;q=0.7')).toBe('ne');
  });

  it('should follow the weights, not the order, and keep the order between equal weights', () => {
    expect(bestOfAcceptLanguage('en;q=0.3, ne;q=0.9')).toBe('ne');
    expect(bestOfAcceptLanguage('zh;q=0.8, en;q=0.8')).toBe('zh-CN');
    expect(bestOfAcceptLanguage('en;q=0.5, zh')).toBe('zh-CN');
  });

  it('should choose nothing from q=0, a wildcard, or tags it does not speak', () => {
    expect(bestOfAcceptLanguage('ne;q=0, fr')).toBeNull();
    expect(bestOfAcceptLanguage('*')).toBeNull();
    expect(bestOfAcceptLanguage('de-DE,fr;q=0.5')).toBeNull();
    expect(bestOfAcceptLanguage('')).toBeNull();
    expect(bestOfAcceptLanguage(undefined)).toBeNull();
  });

  it('should skip malformed entries rather than fail', () => {
    expect(bestOfAcceptLanguage('ne;q=abc, zh;q=2, en;q=0.4')).toBe('en');
    expect(bestOfAcceptLanguage(';;;,,,ne')).toBe('ne');
    expect(bestOfAcceptLanguage('ne ; q = 0.7 , en ; q=0.6')).toBe('ne');
  });
});

describe('negotiateLocale', () => {
  it('should prefer ?lang=, then Accept-Language, then the account locale', () => {
    expect(negotiateLocale({ lang: 'ne', acceptLanguage: 'zh-CN', callerLocale: 'en' })).toBe('ne');
    expect(negotiateLocale({ lang: null, acceptLanguage: 'zh-CN', callerLocale: 'ne' })).toBe('zh-CN');
    expect(negotiateLocale({ acceptLanguage: 'fr', callerLocale: 'ne' })).toBe('ne');
    expect(negotiateLocale({ callerLocale: 'zh-CN' })).toBe('zh-CN');
  });

  it('should ask for nothing when nothing asks (the content’s own language is used)', () => {
    expect(negotiateLocale({})).toBeNull();
    expect(negotiateLocale({ acceptLanguage: '*' })).toBeNull();
  });
});

describe('isLocale', () => {
  it('should know exactly en, zh-CN and ne', () => {
    expect(['en', 'zh-CN', 'ne', 'zh', 'ne-NP', 'EN'].map(isLocale)).toEqual([true, true, true, false, false, false]);
  });
});
