// Quarters and the ways a Vietnamese administrative document writes dates and numbers
// (Decree 30/2020/NĐ-CP): "ngày 05 tháng 10 năm 2023" (a leading zero for days under 10 and
// for January and February), quarters in Roman numerals ("Quý III").

export type QuarterNo = 1 | 2 | 3 | 4;

export interface Quarter {
  year: number;
  quarter: QuarterNo;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The quarter's days in Vietnam (inclusive) and its three months (1-12). */
export function quarterRange(q: Quarter): { from: string; to: string; months: number[] } {
  const first = (q.quarter - 1) * 3 + 1;
  const last = first + 2;
  const lastDay = new Date(Date.UTC(q.year, last, 0)).getUTCDate();
  return {
    from: `${q.year}-${pad(first)}-01`,
    to: `${q.year}-${pad(last)}-${pad(lastDay)}`,
    months: [first, first + 1, last],
  };
}

/** The quarter a Vietnam day (`YYYY-MM-DD`) falls in. */
export function quarterOf(day: string): Quarter {
  const [y, m] = day.split('-').map(Number);
  return { year: y, quarter: (Math.floor((m - 1) / 3) + 1) as QuarterNo };
}

const ROMAN: [number, string][] = [
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** 1 → I, 4 → IV, 9 → IX (parts of a document and quarters; up to 39). */
export function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/** "ngày 05 tháng 10 năm 2023" for a Vietnam day `YYYY-MM-DD`. */
export function formalDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const month = m <= 2 ? pad(m) : String(m);
  return `ngày ${pad(d)} tháng ${month} năm ${y}`;
}

/** Numbers as Vietnamese write them: 1.234.567,5. */
export function viNumber(n: number, digits = 1): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits }).format(n);
}
