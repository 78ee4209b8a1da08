import { CrlfRecords, safeCell } from './csv-cells';

describe('safeCell', () => {
  it.each(['=SUM(A1:A9)', '+86 10 1234', '-2+3', '@cmd', '\tx', '\rx'])('should show %j as text', (v) => {
    expect(safeCell(v)).toBe(`'${v}`);
  });

  it('should leave other text as it is', () => {
    for (const v of ['Mei Chen', '陈美', 'a=b', '', ' =x']) expect(safeCell(v)).toBe(v);
  });
});

describe('CrlfRecords', () => {
  const convert = (...chunks: string[]) => {
    const records = new CrlfRecords();
    return Buffer.concat(chunks.map((c) => records.convert(Buffer.from(c)))).toString();
  };

  it('should end every record with CRLF', () => {
    expect(convert('a,b\nc,d\n')).toBe('a,b\r\nc,d\r\n');
    expect(convert('')).toBe('');
    expect(convert('no end yet')).toBe('no end yet');
  });

  it('should keep line breaks inside quoted cells as they are', () => {
    expect(convert('"no nuts,\nno ""shellfish""",x\n"a\r\nb"\n')).toBe(
      '"no nuts,\nno ""shellfish""",x\r\n"a\r\nb"\r\n',
    );
  });

  it('should follow the quotes across chunks split anywhere, even inside a character', () => {
    const csv = 'B1,"Chen, ""Mei""",陈美\n"two\nlines",""\n"",x\nplain,陈小明\n';
    const want = 'B1,"Chen, ""Mei""",陈美\r\n"two\nlines",""\r\n"",x\r\nplain,陈小明\r\n';
    const bytes = Buffer.from(csv);
    for (let i = 0; i <= bytes.length; i++) {
      for (let j = i; j <= bytes.length; j += 3) {
        const records = new CrlfRecords();
        const out = Buffer.concat(
          [bytes.subarray(0, i), bytes.subarray(i, j), bytes.subarray(j)].map((c) => records.convert(c)),
        );
        expect(out.toString()).toBe(want);
      }
    }
  });
});
