// CSV as spreadsheets write it (RFC 4180): quoted cells with "" escapes and line breaks
// inside quotes, CRLF or LF, a BOM. Each row keeps the line number it starts on, for messages.
// Read by hand, not with csv-parse: on the 100k-line order history of issue 23 (2.6 MB) csv-parse
// 6.2 took 0.73-0.80 s (1.4-1.9 s with the line numbers this keeps) against 55-80 ms here, and the
// whole import has to stay near 2 s. The cases it must read are pinned in test/domain/csv.test.ts.

export interface CsvRow {
  line: number;
  cells: string[];
}

export function parseCsv(text: string, delimiter = ','): CsvRow[] {
  return [...csvRows(text, delimiter)];
}

/** The rows one at a time: an import of a million rows never holds them all as arrays. */
export function* csvRows(text: string, delimiter = ','): Generator<CsvRow> {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let line = 1;
  let cells: string[] = [];
  let rowLine = 1;
  const d = delimiter.charCodeAt(0);
  while (i <= n) {
    // one cell
    let cell: string;
    if (text.charCodeAt(i) === 34 /* " */) {
      let out = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          out += text.slice(j).replace(/\r\n/g, '\n');
          j = n;
          break;
        }
        out += text.slice(j, q).replace(/\r\n/g, "\n");
        if (text.charCodeAt(q + 1) === 34) {
          out += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      for (let k = i; k < j; k++) if (text.charCodeAt(k) === 10) line++;
      // text after the closing quote up to the delimiter is kept (Excel does the same)
      let end = j;
      while (end < n && text.charCodeAt(end) !== d && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
      cell = out + text.slice(j, end);
      i = end;
    } else {
      let end = i;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === d || c === 10 || c === 13) break;
        end++;
      }
      cell = text.slice(i, end);
      i = end;
    }
    cells.push(cell);
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      continue;
    }
    // end of row (newline or end of text)
    yield { line: rowLine, cells };
    cells = [];
    if (c === 13 && text.charCodeAt(i + 1) === 10) i += 2;
    else i++;
    line++;
    rowLine = line;
    if (i >= n) break;
  }
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvCell(s: string): string {
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CRLF rows, as Excel and WPS write them. */
export function stringifyCsv(rows: string[][]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

// A cell starting with = + - @ (or a tab / CR) runs as a formula in Excel and WPS.
const FORMULA = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;

/** Neutralises a formula with a leading apostrophe; plain numbers stay numbers. */
export function safeCell(s: string): string {
  return FORMULA.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

/** Undoes safeCell on import, so export → import changes nothing. */
export function unsafeCell(s: string): string {
  return s.startsWith("'") && FORMULA.test(s.slice(1)) ? s.slice(1) : s;
}
