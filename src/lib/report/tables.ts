// The quarter's records as a table (one row per record), and the same table as CSV and XLSX.
// CSV is UTF-8 with a byte-order mark so Excel shows Vietnamese as written; the spreadsheet
// library is loaded only when a file is made.
import type { FieldCheck } from '$lib/domain/field-check';
import { formatDate } from '$lib/domain/dates';
import { vi } from '$lib/i18n/vi';
import { kindNameVi } from './kind-words';

export const RECORD_COLUMNS = [
  'Mã bản ghi',
  'Loại công việc',
  'Thôn/bản',
  'Địa điểm',
  'Ngày thực hiện',
  'Người ghi',
  'Mục kế hoạch',
  'Trạng thái',
  'Kết quả, phát hiện',
  'Kiến nghị',
] as const;

export type Cell = string | number;

/** One row per record, oldest first; `nameOf` turns a username into the person's name. */
export function recordRows(
  records: readonly FieldCheck[],
  nameOf: (name: string, role: string) => string = (n) => n,
): Cell[][] {
  return [...records]
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
    .map((r) => [
      r._id,
      kindNameVi(r.kind),
      r.hamlet,
      r.place,
      formatDate(r.startedAt),
      nameOf(r.author, r.authorRole),
      r.planItems.join(', '),
      vi.statuses[r.status],
      r.findings,
      r.recommendations,
    ]);
}

const quote = (v: Cell) => {
  const s = String(v);
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** CSV text with a BOM, CRLF line ends (what Excel expects). */
export function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** An XLSX workbook of sheets, each a header row and rows; the header bold, columns sized. */
export async function toXlsx(
  sheets: { name: string; header: readonly string[]; rows: readonly Cell[][] }[],
): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const cellOf = (v: Cell) =>
    typeof v === 'number' ? { value: v, type: Number } : { value: v, type: String };
  return writeXlsxFile(
    sheets.map((s) => ({
      sheet: s.name,
      data: [
        s.header.map((h) => ({ value: h, type: String, fontWeight: 'bold' as const })),
        ...s.rows.map((r) => r.map(cellOf)),
      ],
      columns: s.header.map((h, i) => ({
        width: Math.min(
          60,
          Math.max(h.length, ...s.rows.map((r) => String(r[i] ?? '').length)) + 2,
        ),
      })),
      stickyRowsCount: 1,
    })),
    { fontFamily: 'Times New Roman', fontSize: 12 },
  ).toBlob();
}
