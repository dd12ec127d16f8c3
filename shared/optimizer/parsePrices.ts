import { optimizerError } from './errors';
import type { PriceTable } from './types';

/** Largest table we accept: enough for decades of daily closes of a few hundred assets, small enough for a worker. */
export const MAX_PRICE_ROWS = 100_000;
export const MAX_ASSETS = 500;
const MAX_NAME_LENGTH = 64;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/**
 * Parses a price CSV: a header row, then one row per date; the first column is the date, each further column one
 * asset's daily price (close), blank where there is no price. Numbers use a dot as the decimal separator; quoted
 * fields are allowed. Throws PRICES_INVALID naming the line and column for a bad header (missing, empty or duplicate
 * asset names), a ragged row, a missing or repeated date, ISO dates out of order, a non-numeric cell, or a price that
 * is zero, negative or not finite.
 */
export function parsePrices(csvText: string): PriceTable {
  const text = csvText.charCodeAt(0) === 0xfeff ? csvText.slice(1) : csvText;
  const lines = text.split(/\r\n|\n|\r/);
  let lineNo = 0;
  let header: string[] | undefined;
  while (lineNo < lines.length && header === undefined) {
    const line = lines[lineNo++] as string;
    if (line.trim() !== '') header = splitCsvLine(line, lineNo);
  }
  if (header === undefined) throw optimizerError('PRICES_INVALID', 'The price file is empty: expected a header row "date,<asset>,..."');
  const assets = header.slice(1).map((name) => name.trim());
  if (assets.length === 0) throw optimizerError('PRICES_INVALID', 'The header has no asset columns: expected "date,<asset>,..."');
  if (assets.length > MAX_ASSETS) throw optimizerError('PRICES_INVALID', `Too many asset columns (${assets.length}); the limit is ${MAX_ASSETS}`);
  const seen = new Set<string>();
  assets.forEach((name, i) => {
    if (name === '') throw optimizerError('PRICES_INVALID', `Header column ${i + 2} has no asset name`);
    if (name.length > MAX_NAME_LENGTH) throw optimizerError('PRICES_INVALID', `Header column ${i + 2} has a name longer than ${MAX_NAME_LENGTH} characters`);
    if (seen.has(name)) throw optimizerError('PRICES_INVALID', `Asset "${name}" appears twice in the header`);
    seen.add(name);
  });

  const dates: string[] = [];
  const prices: (number | null)[][] = [];
  const seenDates = new Set<string>();
  let iso = true;
  for (; lineNo < lines.length; lineNo++) {
    const line = lines[lineNo] as string;
    if (line.trim() === '') continue;
    const where = `line ${lineNo + 1}`;
    const cells = splitCsvLine(line, lineNo + 1);
    if (cells.length !== header.length) {
      throw optimizerError('PRICES_INVALID', `${where} has ${cells.length} cells but the header has ${header.length}`);
    }
    const date = (cells[0] as string).trim();
    if (date === '') throw optimizerError('PRICES_INVALID', `${where} has no date`);
    if (seenDates.has(date)) throw optimizerError('PRICES_INVALID', `${where} repeats the date ${quote(date)}`);
    seenDates.add(date);
    iso &&= ISO_DATE.test(date);
    const row = cells.slice(1).map((cell, i) => parsePrice(cell.trim(), `${where}, column "${assets[i] as string}"`));
    dates.push(date);
    prices.push(row);
    if (dates.length > MAX_PRICE_ROWS) throw optimizerError('PRICES_INVALID', `Too many rows; the limit is ${MAX_PRICE_ROWS}`);
  }
  if (iso) {
    for (let t = 1; t < dates.length; t++) {
      if ((dates[t] as string) <= (dates[t - 1] as string)) {
        throw optimizerError('PRICES_INVALID', `Dates must be in ascending order: ${quote(dates[t] as string)} follows ${quote(dates[t - 1] as string)}`);
      }
    }
  }
  return { dates, assets, prices };
}

function parsePrice(cell: string, where: string): number | null {
  if (cell === '') return null;
  if (!NUMBER.test(cell)) throw optimizerError('PRICES_INVALID', `${where}: ${quote(cell)} is not a number`);
  const value = Number(cell);
  if (!Number.isFinite(value)) throw optimizerError('PRICES_INVALID', `${where}: ${quote(cell)} is not a finite number`);
  if (value <= 0) throw optimizerError('PRICES_INVALID', `${where}: price ${quote(cell)} must be positive`);
  return value;
}

/** Splits one CSV record on commas, honouring double-quoted fields ("" is a literal quote). */
function splitCsvLine(line: string, lineNo: number): string[] {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (i >= line.length) throw optimizerError('PRICES_INVALID', `line ${lineNo} has an unterminated quoted field`);
        const ch = line[i] as string;
        if (ch === '"') {
          if (line[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += ch;
        i++;
      }
      while (line[i] === ' ' || line[i] === '\t') i++;
      if (i < line.length && line[i] !== ',') throw optimizerError('PRICES_INVALID', `line ${lineNo} has text after a quoted field`);
    } else {
      const end = line.indexOf(',', i);
      cell = end === -1 ? line.slice(i) : line.slice(i, end);
      i = end === -1 ? line.length : end;
    }
    cells.push(cell);
    if (i >= line.length) return cells;
    i++; // the comma
  }
}

/** Quotes a cell for a message, cut short so a huge cell cannot flood a log line. */
function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}...` : text);
}
