// Vietnamese numbers, read and written the same way everywhere: decimal comma, thousands dot
// (1.234.567,5; 98,5 %). Every form reads typed numbers with `readNumber`; every screen writes
// them with `formatNumber`.
const numFmt = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 3 });
const pctFmt = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** 1500 → "1.500", 2.5 → "2,5". */
export const formatNumber = (n: number) => numFmt.format(n);
/** A ratio (0.985) as "98,5 %". */
export const formatPercent = (ratio: number) => `${pctFmt.format(ratio * 100)} %`;

/**
 * What a typed number is: a value (null when nothing was typed), or why it cannot be read —
 * `number` (not a number at all) or `decimalDot` ("1.5": a dot where Vietnamese writes a
 * comma; a dot only separates thousands, in groups of three: "1.500").
 */
export type NumberRead = { value: number | null } | { problem: 'number' | 'decimalDot' };

// Digits grouped by dots ("1.500.000") or not ("1500"), then an optional decimal comma part.
const GROUPED = /^\d{1,3}(\.\d{3})+(,\d+)?$/;
const PLAIN = /^\d+(,\d+)?$/;
const DOT_DECIMAL = /^\d+\.\d+$/;

/** Reads "1.500" as 1500, "2,5" as 2.5, "-3" as -3, "" as null; refuses "1.5" and "12a". */
export function readNumber(text: string): NumberRead {
  // Spaces (also the non-breaking ones formatted numbers carry) never change a number.
  const s = text.normalize('NFKC').replace(/\s/g, '').replace(/^−/, '-');
  if (s === '') return { value: null };
  const negative = s.startsWith('-');
  const body = negative ? s.slice(1) : s;
  if (GROUPED.test(body) || PLAIN.test(body)) {
    const n = Number(body.replace(/\./g, '').replace(',', '.'));
    return { value: negative ? -n : n };
  }
  if (DOT_DECIMAL.test(body)) return { problem: 'decimalDot' };
  return { problem: 'number' };
}

/** The text a number field starts with for a stored value ("" for none). */
export const numberText = (n: number | null | undefined): string =>
  n === null || n === undefined || Number.isNaN(n) ? '' : formatNumber(n);
