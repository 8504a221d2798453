// The quarterly CCHC report: its figures from the plan and the quarter's records, the DOCX
// read back (parts, figures, fonts, page size and margins of Decree 30/2020), and the records
// as XLSX (read back with a spreadsheet reader) and as CSV with a byte-order mark. The DOCX is
// also written to test-results/report/ for `node scripts/report-pdf.mjs` to turn into pages.
import { mkdirSync, writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { reportDocx } from '../../src/lib/report/docx.ts';
import { buildReport } from '../../src/lib/report/model.ts';
import { formalDate, quarterRange, roman } from '../../src/lib/report/period.ts';
import { RECORD_COLUMNS, recordRows, toCsv, toXlsx } from '../../src/lib/report/tables.ts';
import { quarterSource } from '../support/report-fixture.ts';

const settings = {
  quarter: { year: 2023, quarter: 3 as const },
  number: '05',
  issuedOn: '2023-10-05',
};
const source = quarterSource();
const model = buildReport(source, settings);

describe('dates and numbers as Decree 30 writes them', () => {
  it('formal dates, quarters, Roman numerals', () => {
    expect(formalDate('2023-10-05')).toBe('ngày 05 tháng 10 năm 2023');
    expect(formalDate('2024-02-09')).toBe('ngày 09 tháng 02 năm 2024');
    expect(formalDate('2024-03-15')).toBe('ngày 15 tháng 3 năm 2024');
    expect(quarterRange({ year: 2024, quarter: 1 })).toEqual({
      from: '2024-01-01',
      to: '2024-03-31',
      months: [1, 2, 3],
    });
    expect([1, 2, 3, 4, 9].map(roman)).toEqual(['I', 'II', 'III', 'IV', 'IX']);
  });
});

describe('the report’s figures', () => {
  it('counts the quarter’s records per item and month, and adds up their counts', () => {
    expect(model.figures.records).toBe(4);
    expect(model.figures.approved).toBe(3);
    const env = model.figures.items.find((f) => f.code === '2.3.7')!;
    expect(env).toMatchObject({ evidence: 3, perMonth: [1, 1, 1], percent: 60 });
    expect(env.totals).toContainEqual(['Số hộ được kiểm tra', 120]);
    expect(env.totals).toContainEqual(['Số người tham gia tổng vệ sinh', 55]);
    const procedures = model.figures.items.find((f) => f.code === '2.1.3')!;
    expect(procedures.status).toBe('Hoàn thành');
    expect(procedures.measured.join()).toMatch(/98,5 %/);
    expect(model.figures.byKind).toEqual(
      expect.arrayContaining([
        ['Kiểm tra môi trường', 3],
        ['Họp thôn / bầu cử', 1],
      ]),
    );
  });
});

describe('the DOCX', () => {
  it('has the layout and the figures, in Times New Roman on A4', async () => {
    const blob = await reportDocx(model);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    mkdirSync('test-results/report', { recursive: true });
    writeFileSync('test-results/report/bao-cao-quy-III-2023.docx', bytes);
    const files = unzipSync(bytes);
    const xml = strFromU8(files['word/document.xml']);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');

    for (const line of [
      'ỦY BAN NHÂN DÂN',
      'XÃ HỒNG PHONG',
      'Số: 05/BC-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hồng Phong, ngày 05 tháng 10 năm 2023',
      'BÁO CÁO',
      'Kết quả thực hiện công tác cải cách hành chính quý III năm 2023',
      'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH',
      'II. KẾT QUẢ THỰC HIỆN THEO TỪNG CHỈ SỐ',
      '1. Chỉ số cải cách hành chính (PAR INDEX)',
      '2. Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)',
      '3. Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)',
      'III. ĐÁNH GIÁ CHUNG',
      'Nơi nhận:',
      '- TT Đảng ủy;',
      '- Lưu: VT.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Hoàng Văn Huân',
    ])
      expect(text.split('\n'), line).toContain(line);
    expect(text).toMatch(/2\.3\.7\. [^\n]*: đang thực hiện, đạt 60 %\./);
    expect(text).toContain(
      'Trong quý có 3 minh chứng từ hiện trường (tháng 7: 1, tháng 8: 1, tháng 9: 1).',
    );
    expect(text).toContain('Số hộ được kiểm tra: 120');
    expect(text).toContain('4 bản ghi công tác hiện trường');

    // A4 portrait, margins 20/20/30/15 mm, page numbers from page 2 (a blank first header).
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margin = /<w:pgMar ([^>]*)\/>/.exec(xml)![1];
    expect(margin).toMatch(/w:top="1134"/);
    expect(margin).toMatch(/w:bottom="1134"/);
    expect(margin).toMatch(/w:left="1701"/);
    expect(margin).toMatch(/w:right="850"/);
    expect(xml).toContain('<w:titlePg');
    const headers = Object.keys(files).filter((f) => /^word\/header\d+\.xml$/.test(f));
    expect(headers.map((h) => strFromU8(files[h])).join()).toMatch(/PAGE/);

    // Times New Roman everywhere, and no other font named.
    const fonts = new Set([...xml.matchAll(/w:rFonts w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(['Times New Roman']);
    expect(strFromU8(files['word/styles.xml'])).toContain('Times New Roman');
    // Body 14 pt, the recipients' lines 11 pt.
    expect(xml).toContain('<w:sz w:val="28"/>');
    expect(xml).toContain('<w:sz w:val="22"/>');
  });
});

describe('the records as XLSX and CSV', () => {
  const rows = recordRows(model.figures.records ? source.records : []);

  it('XLSX reads back with its Vietnamese text and numbers', async () => {
    const blob = await toXlsx([
      { name: 'Bản ghi', header: RECORD_COLUMNS, rows },
      { name: 'Mục kế hoạch', header: model.annex.header, rows: model.annex.rows },
    ]);
    const buffer = Buffer.from(await blob.arrayBuffer());
    const book = await readXlsxFile(buffer);
    expect(book.map((s) => s.sheet)).toEqual(['Bản ghi', 'Mục kế hoạch']);
    const sheet = book[0].data as unknown[][];
    expect(sheet[0]).toEqual([...RECORD_COLUMNS]);
    expect(sheet).toHaveLength(source.records.length + 1);
    expect(sheet.map((r) => r[2])).toContain('Thôn Khòn Pát');
    expect(sheet.map((r) => r[1])).toContain('Họp thôn / bầu cử');
    const items = book[1].data as unknown[][];
    const env = items.find((r) => r[0] === '2.3.7')!;
    expect(env.slice(3)).toEqual([60, 1, 1, 1, 3]);
  });

  it('CSV is UTF-8 with a byte-order mark and quotes what needs quoting', () => {
    const csv = toCsv(RECORD_COLUMNS, rows);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFF' + RECORD_COLUMNS.map((c) => (c.includes(',') ? `"${c}"` : c)).join(','),
    );
    expect(csv).toContain('"Kiểm tra tại Thôn Pò Nhùng, ghi chú ""đạt"", có ảnh."');
    expect(csv.trimEnd().split('\r\n')).toHaveLength(source.records.length + 1);
  });
});
