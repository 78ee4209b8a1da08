import type { Translate } from '../../i18n/i18n';
import type { PartyProblem } from './rules';

/** A party problem in the family's language, naming the person and the rule. */
export function partyProblemText(t: Translate, p: PartyProblem, format: { date(day: string): string }): string {
  switch (p.rule) {
    case 'empty':
      return t('register.rules.empty');
    case 'too_many':
      return t('register.rules.tooMany', { count: p.max });
    case 'name_missing':
      return t('register.rules.nameMissing', { n: p.index + 1 });
    case 'birth_date_missing':
      return t('register.rules.birthDateMissing', { name: p.name || t('register.personN', { n: p.index + 1 }) });
    case 'not_born':
      return t('register.rules.notBorn', { name: p.name, day: format.date(p.day) });
    case 'too_young':
      return t('register.rules.tooYoung', { name: p.name, age: p.age, min: p.min, day: format.date(p.day) });
    case 'too_old':
      return t('register.rules.tooOld', { name: p.name, age: p.age, max: p.max, day: format.date(p.day) });
  }
}
