import { useEffect, useRef } from 'react';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/Field';
import { useConsoleI18n } from '../i18n/words';
import {
  addQuestion,
  controlId,
  hasMaxLength,
  hasOptions,
  moveQuestion,
  QUESTION_TYPES,
  removeQuestion,
  updateQuestion,
  type QuestionForm,
  type QuestionType,
} from './form';

/**
 * The event's questions, in the order families see them: add, remove, move up or down, each with
 * its kind of answer and whether it is required. `onChange` names the field that changed, so its
 * messages show as the organizer types.
 */
export function QuestionBuilder(props: {
  questions: QuestionForm[];
  errors: (field: string) => string[] | undefined;
  onChange: (questions: QuestionForm[], field: string) => void;
}) {
  const { t } = useConsoleI18n();
  const { questions, errors, onChange } = props;
  // Focus follows the action: a new question's label, a moved question's same button, else the add button.
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  return (
    <>
      {questions.length === 0 && <p className="hint">{t('console.editor.question.none')}</p>}
      <ol className="question-list">
        {questions.map((q, i) => {
          const at = `questions[${i}]`;
          const number = i + 1;
          const set = (key: string, patch: Partial<QuestionForm>) =>
            onChange(updateQuestion(questions, i, patch), `${at}.${key}`);
          return (
            <li key={q.key}>
              <fieldset className="fieldset question" aria-labelledby={`q${q.key}-legend`}>
                <legend id={`q${q.key}-legend`}>{t('console.editor.question.legend', { number })}</legend>
                <TextField
                  id={controlId(`${at}.label`)}
                  label={t('console.editor.question.label')}
                  errors={errors(`${at}.label`)}
                  value={q.label}
                  onChange={(e) => set('label', { label: e.target.value })}
                />
                <div className="field-pair">
                  <SelectField
                    id={controlId(`${at}.type`)}
                    label={t('console.editor.question.type')}
                    errors={errors(`${at}.type`)}
                    value={q.type}
                    onChange={(e) => set('type', { type: e.target.value as QuestionType })}
                  >
                    {QUESTION_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {t(`console.editor.question.types.${type}`)}
                      </option>
                    ))}
                  </SelectField>
                  <TextField
                    id={controlId(`${at}.id`)}
                    label={t('console.editor.question.id')}
                    hint={t('console.editor.question.idHint')}
                    errors={errors(`${at}.id`)}
                    autoCapitalize="none"
                    spellCheck={false}
                    value={q.id}
                    onChange={(e) => set('id', { id: e.target.value })}
                  />
                </div>
                {hasOptions(q.type) && (
                  <TextAreaField
                    id={controlId(`${at}.options`)}
                    label={t('console.editor.question.options')}
                    errors={errors(`${at}.options`)}
                    rows={4}
                    value={q.options}
                    onChange={(e) => set('options', { options: e.target.value })}
                  />
                )}
                {hasMaxLength(q.type) && (
                  <TextField
                    id={controlId(`${at}.maxLength`)}
                    inputMode="numeric"
                    label={t('console.editor.question.maxLength')}
                    errors={errors(`${at}.maxLength`)}
                    value={q.maxLength}
                    onChange={(e) => set('maxLength', { maxLength: e.target.value })}
                  />
                )}
                <CheckboxField
                  id={controlId(`${at}.required`)}
                  label={t('console.editor.question.required')}
                  errors={errors(`${at}.required`)}
                  checked={q.required}
                  onChange={(e) => set('required', { required: e.target.checked })}
                />
                <div className="actions question-actions">
                  <button
                    type="button"
                    id={`q${q.key}-up`}
                    className="button button-secondary"
                    disabled={i === 0}
                    onClick={() => {
                      focusNext.current = `q${q.key}-up`;
                      onChange(moveQuestion(questions, i, -1), 'questions');
                    }}
                  >
                    <span aria-hidden="true">↑ </span>
                    {t('console.editor.question.up', { number })}
                  </button>
                  <button
                    type="button"
                    id={`q${q.key}-down`}
                    className="button button-secondary"
                    disabled={i === questions.length - 1}
                    onClick={() => {
                      focusNext.current = `q${q.key}-down`;
                      onChange(moveQuestion(questions, i, 1), 'questions');
                    }}
                  >
                    <span aria-hidden="true">↓ </span>
                    {t('console.editor.question.down', { number })}
                  </button>
                  <button
                    type="button"
                    className="button button-secondary button-remove"
                    onClick={() => {
                      focusNext.current = 'add-question';
                      onChange(removeQuestion(questions, i), 'questions');
                    }}
                  >
                    {t('console.editor.question.remove', { number })}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        id="add-question"
        className="button button-secondary"
        onClick={() => {
          const next = addQuestion(questions);
          focusNext.current = controlId(`questions[${next.length - 1}].label`);
          onChange(next, 'questions');
        }}
      >
        {t('console.editor.question.add')}
      </button>
    </>
  );
}
