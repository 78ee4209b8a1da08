import { answerCell, instantCell, safeCell } from './csv-cells';

describe('safeCell', () => {
  it.each(['=SUM(A1:A9)', '+86 10 1234', '-2+3', '@cmd', '\tx', '\rx'])('should show %j as text', (v) => {
    expect(safeCell(v)).toBe(`'${v}`);
  });

  it('should leave other text as it is', () => {
    for (const v of ['Mei Chen', '陈美', 'a=b', '', ' =x']) expect(safeCell(v)).toBe(v);
  });
});

describe('answerCell', () => {
  it('should join multiple choices with "; "', () => {
    expect(answerCell(['English', '中文'])).toBe('English; 中文');
  });

  it('should write booleans as yes or no, and leave unanswered cells empty', () => {
    expect(answerCell(true)).toBe('yes');
    expect(answerCell(false)).toBe('no');
    expect(answerCell(undefined)).toBe('');
    expect(answerCell(null)).toBe('');
  });

  it('should write numbers and text as they are', () => {
    expect(answerCell(3)).toBe('3');
    expect(answerCell('vegetarian')).toBe('vegetarian');
  });
});

describe('instantCell', () => {
  it("should write the instant in the event's time zone with its offset", () => {
    expect(instantCell(new Date('2027-05-15T02:03:04.567Z'), 'Asia/Shanghai')).toBe('2027-05-15T10:03:04+08:00');
    expect(instantCell(null, 'UTC')).toBe('');
  });
});
