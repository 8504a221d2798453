// The report page's words, Vietnamese first. (The report itself is always Vietnamese.)
import type { Widen } from '../vi';

export const reportVi = {
  nav: 'Báo cáo',
  title: 'Báo cáo CCHC hằng quý',
  intro:
    'Báo cáo được lập trên máy từ dữ liệu đã đồng bộ về, không cần mạng. Số liệu lấy từ kế hoạch, tiến độ và các bản ghi hiện trường của quý.',
  year: 'Năm',
  quarter: 'Quý',
  quarterName: (q: string) => `Quý ${q}`,
  number: 'Số báo cáo (để trống nếu chưa cấp số)',
  issuedOn: 'Ngày ký',
  noPlan: (year: number) => `Chưa có kế hoạch năm ${year} trên máy nên chưa lập được báo cáo.`,
  summary: (records: number, approved: number) =>
    `Trong quý có ${records} bản ghi hiện trường, ${approved} bản ghi đã được duyệt.`,
  byKind: 'Theo loại công việc',
  docx: 'Tải báo cáo (Word)',
  xlsx: 'Tải danh sách bản ghi (Excel)',
  csv: 'Tải danh sách bản ghi (CSV)',
  making: 'Đang lập tệp…',
  failed: 'Không lập được tệp. Hãy thử lại.',
  badNumber: 'Số báo cáo chỉ gồm chữ số, tối đa 6 chữ số.',
  sheetRecords: 'Bản ghi',
  sheetItems: 'Mục kế hoạch',
};

export const reportEn: Widen<typeof reportVi> = {
  nav: 'Report',
  title: 'Quarterly administrative reform report',
  intro:
    'The report is made on this device from the synced data, without a connection. Its figures come from the plan, its progress and the quarter’s field records.',
  year: 'Year',
  quarter: 'Quarter',
  quarterName: (q: string) => `Quarter ${q}`,
  number: 'Report number (leave empty if not yet numbered)',
  issuedOn: 'Date of signing',
  noPlan: (year: number) => `There is no ${year} plan on this device, so no report can be made.`,
  summary: (records: number, approved: number) =>
    `${records} field records in the quarter, ${approved} of them approved.`,
  byKind: 'By kind of work',
  docx: 'Download the report (Word)',
  xlsx: 'Download the records (Excel)',
  csv: 'Download the records (CSV)',
  making: 'Making the file…',
  failed: 'The file could not be made. Try again.',
  badNumber: 'The report number is digits only, at most 6.',
  sheetRecords: 'Records',
  sheetItems: 'Plan items',
};
