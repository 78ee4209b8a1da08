import { describe, expect, it } from 'vitest';
import { filterParams } from './Pager';

describe('filterParams', () => {
  it('keeps the filled values trimmed and leaves out the empty ones (and the page)', () => {
    expect(filterParams({ q: '  Tamang ', status: '', kind: 'registration.confirmed', recipient: '   ' })).toEqual({
      q: 'Tamang',
      kind: 'registration.confirmed',
    });
  });
});
