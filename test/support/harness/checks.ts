// Field checks for benchmarks and fault runs, made by the domain factory and checked by the
// schema like every other document. `note` carries a unique tag, so a record that arrives twice
// under two ids would be seen as a duplicate.
import {
  emptyInput,
  newFieldCheck,
  type Author,
} from '../../../src/lib/domain/field-check-factory.ts';
import type { EnvironmentDetails } from '../../../src/lib/kinds/environment/kind.ts';
import { fieldCheckSchema, type FieldCheck } from '../../../src/lib/domain/field-check.ts';

const HAMLETS = ['Khòn Pát', 'Bản Thẩu', 'Nà Cạn', 'Phai Luông', 'Còn Quan', 'Khòn Khuyên'];
const BASE = Date.UTC(2026, 0, 1);

export const officer = (name: string, commune = 'hong-phong'): Author => ({
  name,
  role: 'officer',
  commune,
});

/** The n-th check of a series: realistic Vietnamese text, every field the form fills. */
export function benchCheck(author: Author, tag: string, n: number, at?: Date): FieldCheck {
  const when = at ?? new Date(BASE + n * 60_000);
  const input = emptyInput('environment', when);
  if (input.kind !== 'environment') throw new Error('unreachable');
  input.hamlet = `Thôn ${HAMLETS[n % HAMLETS.length]}`;
  input.place = `Điểm tập kết rác số ${(n % 9) + 1}, gần nhà văn hóa thôn`;
  input.findings = `Kiểm tra lần ${n}: rác được thu gom đúng lịch, điểm tập kết sạch sẽ.`;
  input.recommendations = 'Tiếp tục tuyên truyền phân loại rác tại nguồn.';
  input.planItems = ['2.3.7'];
  input.participants = ['Trưởng thôn', 'Chi hội Phụ nữ'];
  input.note = tag;
  const details = input.details as EnvironmentDetails;
  details.householdsChecked = 20 + (n % 40);
  details.householdsInService = 18 + (n % 40);
  details.collectionsPerWeek = 3;
  details.collectionPointOk = n % 7 !== 0;
  return fieldCheckSchema.parse(newFieldCheck(input, author, when));
}

export function benchChecks(author: Author, tagPrefix: string, count: number): FieldCheck[] {
  return Array.from({ length: count }, (_, n) => benchCheck(author, `${tagPrefix}#${n}`, n));
}

/** Size of a record's own JSON, the yardstick for bytes on the wire. */
export const jsonBytes = (doc: object) => Buffer.byteLength(JSON.stringify(doc));
