import { useI18n } from '../../i18n/i18n';
import { CheckboxField, Fieldset, SelectField, TextAreaField, TextField } from '../../ui/Field';
import type { Schemas } from '../../api/client';
import type { PartyPerson } from './rules';

type Question = Schemas['QuestionResponse'];
export type Answer = string | number | boolean | string[];

export interface GuestPerson extends PartyPerson {
  key: number;
}

/** The id of the control a server field path is about, so its message lands on that control. */
export function controlFor(field: string, memberIds: string[] | null): string {
  const att = /^attendees\[(\d+)\](?:\.(\w+))?$/.exec(field);
  if (att) {
    const i = Number(att[1]);
    if (memberIds) return memberIds[i] ? `member-${memberIds[i]}` : 'party';
    return `attendee-${i}-${att[2] === 'category' ? 'category-adult' : (att[2] ?? 'name')}`;
  }
  if (field === 'attendees') return 'party';
  if (field.startsWith('answers.')) return `answer-${field.slice(8)}`;
  if (field.startsWith('contact.')) return `contact-${field.slice(8)}`;
  if (field.startsWith('consents.')) return `consent-${field.slice(9)}`;
  return 'party';
}

/** One person of a guest's party: name, adult or child, and a child's birth date. */
export function PersonFields(props: {
  index: number;
  person: GuestPerson;
  errors: Map<string, string[]>;
  canRemove: boolean;
  onChange: (p: Partial<PartyPerson>) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const { index: i, person } = props;
  const label = t('register.personN', { n: i + 1 });
  return (
    <fieldset className="person">
      <legend>{label}</legend>
      <TextField
        id={`attendee-${i}-name`}
        label={t('register.personName')}
        autoComplete="off"
        maxLength={200}
        value={person.name}
        errors={props.errors.get(`attendee-${i}-name`)}
        onChange={(e) => props.onChange({ name: e.target.value })}
      />
      <div className="radio-row" role="radiogroup" aria-label={t('register.personCategory', { n: i + 1 })}>
        {(['adult', 'child'] as const).map((c) => (
          <label key={c} className="radio">
            <input
              type="radio"
              id={`attendee-${i}-category-${c}`}
              name={`attendee-${i}-category`}
              value={c}
              checked={person.category === c}
              onChange={() => props.onChange({ category: c })}
            />
            {c === 'adult' ? t('register.adult') : t('register.child')}
          </label>
        ))}
      </div>
      {person.category === 'child' && (
        <TextField
          id={`attendee-${i}-birthDate`}
          label={t('register.birthDate')}
          hint={t('register.birthDateHint')}
          type="date"
          value={person.birthDate ?? ''}
          errors={props.errors.get(`attendee-${i}-birthDate`)}
          onChange={(e) => props.onChange({ birthDate: e.target.value || null })}
        />
      )}
      {props.canRemove && (
        <button type="button" className="button button-link" onClick={props.onRemove}>
          {t('register.removePerson', { name: person.name || label })}
        </button>
      )}
    </fieldset>
  );
}

/** One of the event's questions, as the control its type calls for. */
export function QuestionField(props: {
  question: Question;
  value: Answer | undefined;
  errors?: string[];
  onChange: (v: Answer | undefined) => void;
}) {
  const { t } = useI18n();
  const { question: q, value, errors } = props;
  const id = `answer-${q.id}`;
  const label = q.required ? q.label : `${q.label} (${t('register.optional')})`;
  switch (q.type) {
    case 'textarea':
      return (
        <TextAreaField
          id={id}
          label={label}
          maxLength={q.maxLength ?? 2000}
          value={(value as string) ?? ''}
          errors={errors}
          onChange={(e) => props.onChange(e.target.value)}
        />
      );
    case 'number':
      return (
        <TextField
          id={id}
          label={label}
          type="number"
          inputMode="decimal"
          value={value === undefined ? '' : String(value)}
          errors={errors}
          onChange={(e) => props.onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      );
    case 'date':
      return (
        <TextField
          id={id}
          label={label}
          type="date"
          value={(value as string) ?? ''}
          errors={errors}
          onChange={(e) => props.onChange(e.target.value || undefined)}
        />
      );
    case 'boolean':
      return (
        <CheckboxField
          id={id}
          label={q.label}
          checked={value === true}
          errors={errors}
          onChange={(e) => props.onChange(e.target.checked)}
        />
      );
    case 'choice':
      return (
        <SelectField
          id={id}
          label={label}
          value={(value as string) ?? ''}
          errors={errors}
          onChange={(e) => props.onChange(e.target.value || undefined)}
        >
          <option value="">{t('register.choose')}</option>
          {(q.options ?? []).map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </SelectField>
      );
    case 'multi_choice': {
      const list = (value as string[]) ?? [];
      return (
        <Fieldset legend={label} errors={errors} id={id}>
          {(q.options ?? []).map((o, i) => (
            <CheckboxField
              key={o}
              id={`${id}-${i}`}
              label={o}
              checked={list.includes(o)}
              onChange={(e) => props.onChange(e.target.checked ? [...list, o] : list.filter((x) => x !== o))}
            />
          ))}
        </Fieldset>
      );
    }
    default:
      return (
        <TextField
          id={id}
          label={label}
          maxLength={q.maxLength ?? 2000}
          value={(value as string) ?? ''}
          errors={errors}
          onChange={(e) => props.onChange(e.target.value)}
        />
      );
  }
}
