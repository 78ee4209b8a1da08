import { describe, expect, it } from 'vitest';
import { messageProblems } from './message';

describe('messageProblems', () => {
  it('should need a subject and a body, blanks counting as nothing', () => {
    expect(messageProblems({ subject: '  ', body: '' })).toEqual([
      { field: 'subject', rule: 'required' },
      { field: 'body', rule: 'required' },
    ]);
  });

  it('should keep to the server’s lengths, counted after trimming', () => {
    expect(messageProblems({ subject: 'x'.repeat(200), body: ` ${'y'.repeat(10000)} ` })).toEqual([]);
    expect(messageProblems({ subject: 'x'.repeat(201), body: 'y'.repeat(10001) })).toEqual([
      { field: 'subject', rule: 'too_long', max: 200 },
      { field: 'body', rule: 'too_long', max: 10000 },
    ]);
  });
});
