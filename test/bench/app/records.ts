// Years of a commune's field log for the app benchmark, made by the domain factory and checked
// by the schema: environment checks and hamlet meetings by the officer and the chair, spread
// from January 2023 to November 2026, linked to the plan's items, some still drafts, most
// submitted, and (uploadReviews) a third of the officer's submitted records approved by the
// chair in a second revision, as a supervisor would.
import {
  emptyInput,
  newFieldCheck,
  submitFieldCheck,
  type Author,
} from '../../../src/lib/domain/field-check-factory.ts';
import { fieldCheckSchema, type FieldCheck } from '../../../src/lib/domain/field-check.ts';

const HAMLETS = [
  'Khòn Pát',
  'Bản Thẩu',
  'Nà Cạn',
  'Phai Luông',
  'Còn Quan',
  'Khòn Khuyên',
  'Pò Nhùng',
  'Nà Pàn',
];
const CODES = ['2.1.1', '2.1.3', '2.1.5', '2.2.1', '2.3.1', '2.3.4', '2.3.7', '2.3.8'];
const FROM = Date.UTC(2023, 0, 2, 1);
const UNTIL = Date.UTC(2026, 10, 20, 1);

export const benchOfficer: Author = { name: 'canbo', role: 'officer', commune: 'hong-phong' };
export const benchChair: Author = { name: 'chutich', role: 'chair', commune: 'hong-phong' };

/** The n-th of `total` records: one in five by the chair, one in ten still a draft. */
export function logRecord(n: number, total: number, salt: string): FieldCheck {
  const at = new Date(FROM + Math.floor(((UNTIL - FROM) * n) / total));
  const author = n % 5 === 4 ? benchChair : benchOfficer;
  const kind = n % 3 === 2 ? 'hamletMeeting' : 'environment';
  const input = emptyInput(kind, at);
  const hamlet = HAMLETS[n % HAMLETS.length];
  input.hamlet = `Thôn ${hamlet}`;
  input.planItems = n % 11 === 0 ? [] : [CODES[n % CODES.length], CODES[(n * 7) % CODES.length]];
  input.participants = ['Trưởng thôn', 'Chi hội Phụ nữ'];
  input.note = `${salt}#${n}`;
  if (input.kind === 'environment') {
    input.place = `Điểm tập kết rác số ${(n % 9) + 1}, gần nhà văn hóa thôn`;
    input.findings = `Lần ${n}: rác được thu gom đúng lịch, điểm tập kết sạch sẽ; còn ${n % 4} hộ đổ rác ven suối.`;
    input.recommendations = 'Tiếp tục tuyên truyền phân loại rác tại nguồn.';
    input.details.householdsChecked = 20 + (n % 40);
    input.details.householdsInService = 18 + (n % 40);
    input.details.collectionsPerWeek = 3;
    input.details.collectionPointOk = n % 7 !== 0;
  } else if (input.kind === 'hamletMeeting') {
    input.place = `Nhà văn hóa thôn ${hamlet}`;
    input.findings = `Họp thôn lần ${n}: bàn thu quỹ vệ sinh môi trường và lịch dọn đường thôn.`;
    input.details.households = 60 + (n % 30);
    input.details.attendees = 45 + (n % 25);
    input.details.agenda = 'Thu quỹ vệ sinh môi trường; phân công dọn đường liên thôn.';
    input.details.contributionsAmountVnd = 50_000 * (1 + (n % 5));
    input.details.contributionsPurpose = 'Quỹ vệ sinh môi trường';
  }
  const draft = newFieldCheck(input, author, at);
  const doc = n % 10 === 3 ? draft : submitFieldCheck(draft, new Date(at.getTime() + 3_600_000));
  return fieldCheckSchema.parse(doc);
}

export function logRecords(from: number, to: number, total: number, salt: string): FieldCheck[] {
  return Array.from({ length: to - from }, (_, i) => logRecord(from + i, total, salt));
}
