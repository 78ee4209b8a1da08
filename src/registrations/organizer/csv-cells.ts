/**
 * The cells of the attendee export. Postgres writes the rows (`COPY ... (FORMAT csv)`), so each
 * cell rule exists as a SQL expression; Node writes only the header, with `safeCell`. The two
 * spellings of the formula guard must stay the same rule (the e2e test compares them).
 */

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return, which some
 * strip first) as a formula: such a cell gets a leading apostrophe, which shows it as text.
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The first characters `safeCell` guards, as code points: tab, carriage return, + - = @. */
const FORMULA_STARTS = [0x09, 0x0d, 0x2b, 0x2d, 0x3d, 0x40];

/**
 * `safeCell` of a text expression, in SQL. An empty or NULL cell becomes NULL, which COPY writes as
 * nothing between the commas (an empty string it would write as `""`, unlike csv-stringify did).
 * `ascii()` (the first character's code point) costs a fraction of a regular expression per cell.
 * `expr` is evaluated more than once: pass a column, not a computation.
 */
export function safeCellSql(expr: string): string {
  return `CASE WHEN ascii(${expr}) IN (${FORMULA_STARTS.join(', ')}) THEN '''' || ${expr} ELSE NULLIF(${expr}, '') END`;
}

/**
 * An instant to the second with its offset, as the people at the event read it: the session's
 * TimeZone must be the event's zone (`SET LOCAL`). "Z" for the zone named UTC itself (as ISO 8601
 * and luxon write it), else ±HH:MM. to_char truncates the fraction of a second.
 */
export function instantCellSql(expr: string, zone: string): string {
  return zone === 'UTC'
    ? `to_char(${expr}, 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`
    : `to_char(${expr}, 'YYYY-MM-DD"T"HH24:MI:SSTZH:TZM')`;
}

/**
 * One answer (`value`: a jsonb expression, NULL when unanswered) as a cell: multiple choices joined
 * with "; ", yes/no for booleans, text and numbers as they are, empty when unanswered or null.
 */
export function answerCellSql(value: string): string {
  return `CASE jsonb_typeof(${value})
    WHEN 'boolean' THEN CASE WHEN (${value})::boolean THEN 'yes' ELSE 'no' END
    WHEN 'array' THEN (
      SELECT string_agg(CASE jsonb_typeof(e) WHEN 'string' THEN e #>> '{}' ELSE e::text END, '; ' ORDER BY n)
      FROM jsonb_array_elements(${value}) WITH ORDINALITY AS x(e, n))
    WHEN 'object' THEN (${value})::text
    ELSE (${value}) #>> '{}'
  END`;
}

const LF = 0x0a;
const QUOTE = 0x22;

/**
 * Turns COPY's LF record endings into CRLF, as the export always wrote them (RFC 4180, and what
 * spreadsheets on Windows expect). A line break inside a quoted cell stays as it is. Works across
 * chunks that split a row anywhere: it only keeps whether the last chunk ended inside quotes
 * (COPY doubles a quote inside a cell, which toggles twice). Quote and LF bytes never occur inside
 * a UTF-8 multibyte character, so bytes are safe to scan.
 */
export class CrlfRecords {
  private quoted = false;

  convert(chunk: Buffer): Buffer {
    const ends: number[] = [];
    let quoted = this.quoted;
    let at = 0;
    let quote = chunk.indexOf(QUOTE);
    while (at < chunk.length) {
      if (quoted) {
        const close = chunk.indexOf(QUOTE, at);
        if (close === -1) break;
        quoted = false;
        at = close + 1;
        continue;
      }
      if (quote !== -1 && quote < at) quote = chunk.indexOf(QUOTE, at);
      const lf = chunk.indexOf(LF, at);
      if (quote !== -1 && (lf === -1 || quote < lf)) {
        quoted = true;
        at = quote + 1;
        continue;
      }
      if (lf === -1) break;
      ends.push(lf);
      at = lf + 1;
    }
    this.quoted = quoted;
    if (ends.length === 0) return chunk;
    const out = Buffer.allocUnsafe(chunk.length + ends.length);
    let from = 0;
    let to = 0;
    // TypedArray.set copies without a call into C++ per row (Buffer.copy's cost, measured).
    for (const lf of ends) {
      out.set(chunk.subarray(from, lf), to);
      to += lf - from;
      out[to++] = 0x0d;
      out[to++] = LF;
      from = lf + 1;
    }
    out.set(chunk.subarray(from), to);
    return out;
  }
}
