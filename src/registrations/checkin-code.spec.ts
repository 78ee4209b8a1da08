import { CODE_ALPHABET, CODE_LENGTH, newCheckinCode, normalizeCode } from './checkin-code';

describe('check-in codes', () => {
  it('should use no look-alike characters', () => {
    for (const c of '0O1IL2Z5S8B') expect(CODE_ALPHABET).not.toContain(c);
    for (let i = 0; i < 1000; i++) expect(newCheckinCode()).toMatch(new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`));
  });

  it('should read what people type', () => {
    expect(normalizeCode(' ac-d 3e9 ')).toBe('ACD3E9');
  });
});
