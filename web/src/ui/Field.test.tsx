import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CheckboxField, TextField } from './Field';

describe('TextField', () => {
  it('should link its label, hint and errors to the control', () => {
    render(
      <TextField
        id="contact-email"
        label="Your email address"
        hint="We send the confirmation here."
        errors={['Enter an email address.']}
      />,
    );
    const input = screen.getByLabelText('Your email address');
    expect(input.id).toBe('contact-email');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = input
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => document.getElementById(id)!.textContent);
    expect(described).toEqual(['We send the confirmation here.', 'Enter an email address.']);
  });

  it('should not mark a field without errors as invalid', () => {
    render(<TextField label="Name" />);
    const input = screen.getByLabelText('Name');
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.hasAttribute('aria-describedby')).toBe(false);
  });
});

describe('CheckboxField', () => {
  it('should be a labelled checkbox', () => {
    render(<CheckboxField label="I agree" />);
    expect(screen.getByRole('checkbox', { name: 'I agree' })).toBeTruthy();
  });
});
