// Numbers the way the chosen language writes them, read and written the same way everywhere.
// Vietnamese: decimal comma, thousands dot (1.234.567,5; 98,5 %). English: decimal dot,
// thousands comma (1,234,567.5; 98.5%). Every form reads typed numbers with `readNumber`; every
// screen writes them with `formatNumber` — both follow the interface language, so a number
// shown in a form reads back as the same number. `numbersFor(locale)` gives either language's
// pair (tests, and documents that are Vietnamese whatever the interface says).
import { locale, type Locale } from './index';

/**
 * What a typed number is: a value (null when nothing was typed), or why it cannot be read —
 * `number` (not a number at all) or `decimalMark` (the thousands sign where the decimal sign
 * belongs: "1.5" in Vietnamese, "1,5" in English; the thousands sign only groups three
 * digits).
 */
export type NumberRead = { value: number | null } | { problem: 'number' | 'decimalMark' };

interface Style {
  tag: string;
  group: string;
  decimal: string;
  percentGap: string;
}

const STYLES: Record<Locale, Style> = {
  vi: { tag: 'vi-VN', group: '.', decimal: ',', percentGap: ' ' },
  en: { tag: 'en-GB', group: ',', decimal: '.', percentGap: '' },
};

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function numbersFor(lang: Locale) {
  const s = STYLES[lang];
  const numFmt = new Intl.NumberFormat(s.tag, { maximumFractionDigits: 3 });
  const pctFmt = new Intl.NumberFormat(s.tag, { maximumFractionDigits: 1 });
  const g = esc(s.group);
  const d = esc(s.decimal);
  // Digits grouped by the thousands sign ("1.500.000") or not ("1500"), then an optional
  // decimal part; a thousands sign followed by other than three digits is a decimal mistaken.
  const grouped = new RegExp(`^\\d{1,3}(${g}\\d{3})+(${d}\\d+)?$`);
  const plain = new RegExp(`^\\d+(${d}\\d+)?$`);
  const groupAsDecimal = new RegExp(`^\\d+${g}\\d+$`);

  /** 1500 → "1.500", 2.5 → "2,5" (Vietnamese). */
  const formatNumber = (n: number) => numFmt.format(n);

  /** A ratio (0.985) as "98,5 %" (Vietnamese) or "98.5%" (English). */
  const formatPercent = (ratio: number) => `${pctFmt.format(ratio * 100)}${s.percentGap}%`;

  /** Reads "1.500" as 1500, "2,5" as 2.5, "-3" as -3, "" as null; refuses "1.5" and "12a". */
  function readNumber(text: string): NumberRead {
    // Spaces (also the non-breaking ones formatted numbers carry) never change a number.
    const t = text.normalize('NFKC').replace(/\s/g, '').replace(/^−/, '-');
    if (t === '') return { value: null };
    const negative = t.startsWith('-');
    const body = negative ? t.slice(1) : t;
    if (grouped.test(body) || plain.test(body)) {
      const n = Number(body.split(s.group).join('').replace(s.decimal, '.'));
      return { value: negative ? -n : n };
    }
    if (groupAsDecimal.test(body)) return { problem: 'decimalMark' };
    return { problem: 'number' };
  }

  /** The text a number field starts with for a stored value ("" for none). */
  const numberText = (n: number | null | undefined): string =>
    n === null || n === undefined || Number.isNaN(n) ? '' : formatNumber(n);

  return { formatNumber, formatPercent, readNumber, numberText };
}

/** The interface language's numbers. */
export const { formatNumber, formatPercent, readNumber, numberText } = numbersFor(locale);
