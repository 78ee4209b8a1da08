import type { EventQuestion } from '../../events/event.entity';
import { exportCopySql } from './organizer-registrations.repository';

describe('exportCopySql', () => {
  const question = (id: string): EventQuestion => ({ id, label: id, type: 'text', required: false });
  const event = {
    id: '7f1e2c3a-0000-4000-8000-000000000001',
    timezone: 'Asia/Shanghai',
    questions: [question("it's"), question('back\\slash'), question("'); DROP TABLE events; --")],
  };

  it('should write every value COPY cannot take as a parameter as an escaped literal', () => {
    const sql = exportCopySql(event, ['confirmed', 'waitlisted']);
    expect(sql).toContain(`r.event_id = '7f1e2c3a-0000-4000-8000-000000000001'`);
    expect(sql).toContain(`r.status IN ('confirmed', 'waitlisted')`);
    expect(sql).toContain(`r.answers -> 'it''s'`);
    // A backslash is doubled in an E'' string, whatever standard_conforming_strings says.
    expect(sql).toContain(`r.answers ->  E'back\\\\slash'`);
    expect(sql).toContain(`r.answers -> '''); DROP TABLE events; --'`);
    // The zone is no literal: it is a bind parameter of the SET that precedes the COPY.
    expect(sql).not.toContain('Asia/Shanghai');
  });

  it('should write a cell per column and per question, in the header order', () => {
    const sql = exportCopySql(event, ['cancelled']);
    const outer = sql.slice(0, sql.indexOf('FROM ('));
    expect(outer.match(/CASE WHEN ascii\(c\.c\d+\)/g)).toHaveLength(10 + 3);
    expect(sql).toMatch(/^COPY \(/);
    expect(sql).toMatch(/\) TO STDOUT WITH \(FORMAT csv\)$/);
  });
});
