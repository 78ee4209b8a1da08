import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { I18nProvider } from '../../i18n/i18n';
import { consoleEn } from '../i18n/en';
import { controlId, formProblems, emptyForm, type QuestionForm } from './form';
import { QuestionBuilder } from './QuestionBuilder';

/** The builder as the editor holds it: its questions in state, each problem shown on its control. */
function Harness(props: { onState: (q: QuestionForm[]) => void }) {
  const [questions, setQuestions] = useState<QuestionForm[]>([]);
  const problems = formProblems({ ...emptyForm('UTC'), questions });
  const errors = (field: string) => {
    const list = problems.filter((p) => p.field === field).map((p) => p.rule);
    return list.length ? list : undefined;
  };
  return (
    <QuestionBuilder
      questions={questions}
      errors={errors}
      onChange={(next) => {
        setQuestions(next);
        props.onState(next);
      }}
    />
  );
}

function renderBuilder() {
  let state: QuestionForm[] = [];
  render(
    <I18nProvider locale="en" catalog={{ ...en, ...consoleEn }} setLocale={() => undefined}>
      <Harness onState={(q) => (state = q)} />
    </I18nProvider>,
  );
  return () => state;
}

describe('QuestionBuilder', () => {
  afterEach(cleanup);

  it('should add questions, focus the new one, and reorder and remove them with labelled buttons', () => {
    const state = renderBuilder();
    expect(screen.getByText('No questions yet: families register with their names only.')).toBeTruthy();
    const add = screen.getByRole('button', { name: 'Add a question' });
    fireEvent.click(add);
    const first = screen.getByRole('group', { name: 'Question 1' });
    const label = within(first).getByLabelText('Question');
    expect(document.activeElement).toBe(label);
    fireEvent.change(label, { target: { value: 'Dietary needs' } });
    fireEvent.click(add);
    fireEvent.change(within(screen.getByRole('group', { name: 'Question 2' })).getByLabelText('Question'), {
      target: { value: 'Size' },
    });
    expect(state().map((q) => q.label)).toEqual(['Dietary needs', 'Size']);

    // The first cannot move up, the last not down.
    expect((screen.getByRole('button', { name: /Move question 1 up/ }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: /Move question 2 down/ }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: /Move question 2 up/ }));
    expect(state().map((q) => q.label)).toEqual(['Size', 'Dietary needs']);
    expect(within(screen.getByRole('group', { name: 'Question 1' })).getByLabelText('Question')).toHaveProperty(
      'value',
      'Size',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Remove question 1' }));
    expect(state().map((q) => q.label)).toEqual(['Dietary needs']);
    expect(document.activeElement).toBe(add);
  });

  it('should ask for choices only for choice questions and a longest answer only for text ones', () => {
    const state = renderBuilder();
    fireEvent.click(screen.getByRole('button', { name: 'Add a question' }));
    const q = screen.getByRole('group', { name: 'Question 1' });
    expect(within(q).getByLabelText('Longest answer in characters (optional)')).toBeTruthy();
    expect(within(q).queryByLabelText('Choices, one per line')).toBeNull();

    fireEvent.change(within(q).getByLabelText('Kind of answer'), { target: { value: 'multi_choice' } });
    expect(within(q).queryByLabelText('Longest answer in characters (optional)')).toBeNull();
    const choices = within(q).getByLabelText('Choices, one per line');
    // Its problem is on the control, read with it.
    expect(choices.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(`${controlId('questions[0].options')}-error`)!.textContent).toBe('options_required');
    fireEvent.change(choices, { target: { value: 'S\nM' } });
    expect(choices.hasAttribute('aria-invalid')).toBe(false);

    fireEvent.click(within(q).getByLabelText('An answer is required'));
    expect(state()[0]).toMatchObject({ type: 'multi_choice', options: 'S\nM', required: true });
  });
});
