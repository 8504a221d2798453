// Records that differ the way a commune's real records do, for measuring compression honestly:
// near-identical records (one template, a counter) would gzip to almost nothing and flatter the
// link. Text is put together from many Vietnamese phrases, numbers and places by a seeded
// generator, so runs are repeatable.
import {
  emptyInput,
  newFieldCheck,
  type Author,
} from '../../../src/lib/domain/field-check-factory.ts';
import { fieldCheckSchema, type FieldCheck } from '../../../src/lib/domain/field-check.ts';
import type { EnvironmentDetails } from '../../../src/lib/kinds/environment/kind.ts';

/** mulberry32: small, fast, good enough to pick phrases. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HAMLETS = [
  'Khòn Pát',
  'Bản Thẩu',
  'Nà Cạn',
  'Phai Luông',
  'Còn Quan',
  'Khòn Khuyên',
  'Nà Khoang',
  'Bó Hẩu',
  'Pác Nặm',
  'Lũng Vài',
  'Cốc Phường',
  'Nà Mạ',
];
const PLACES = [
  'điểm tập kết rác cạnh nhà văn hóa',
  'bờ suối đầu bản',
  'chợ phiên ngày rằm',
  'trường tiểu học điểm bản',
  'khu chăn nuôi tập trung',
  'đường liên thôn đoạn dốc',
  'cổng trạm y tế',
  'bãi rác tạm phía sau nghĩa trang',
  'kênh mương nội đồng',
  'nhà ông trưởng thôn',
];
const FINDINGS = [
  'Rác thải sinh hoạt được thu gom đúng lịch, điểm tập kết sạch sẽ.',
  'Một số hộ còn đổ rác xuống suối, đã nhắc nhở trực tiếp.',
  'Hố rác tự hủy của nhiều hộ đã đầy, chưa được xử lý.',
  'Xe thu gom đến muộn hai ngày do đường trơn sau mưa.',
  'Bao bì thuốc bảo vệ thực vật vứt bừa bãi ven ruộng.',
  'Chuồng trại gia súc sát nhà ở, nước thải chảy ra đường.',
  'Người dân đã phân loại rác hữu cơ để ủ phân.',
  'Thùng rác công cộng bị hỏng nắp, cần thay mới.',
  'Đoạn mương thoát nước bị tắc do lá cây và bùn đất.',
  'Tổ tự quản vệ sinh môi trường hoạt động đều đặn hằng tuần.',
  'Có mùi hôi từ khu chế biến nông sản của hộ kinh doanh.',
  'Khu vực chợ sau phiên còn nhiều túi ni lông.',
  'Nhà tiêu hợp vệ sinh đạt tỷ lệ cao hơn quý trước.',
  'Hộ gia đình mới chuyển đến chưa đăng ký thu gom rác.',
  'Đường làng được quét dọn sạch trước ngày lễ.',
  'Nước giếng của ba hộ có màu đục, đề nghị kiểm tra mẫu.',
];
const ADVICE = [
  'Tiếp tục tuyên truyền phân loại rác tại nguồn qua loa truyền thanh.',
  'Đề nghị thôn tổ chức ra quân vệ sinh vào sáng chủ nhật.',
  'Báo cáo Ủy ban xã bố trí kinh phí sửa thùng rác.',
  'Nhắc các hộ chăn nuôi làm hầm biogas hoặc đệm lót sinh học.',
  'Phối hợp Hội Nông dân thu gom bao bì thuốc bảo vệ thực vật.',
  'Lập biên bản nhắc nhở, hẹn kiểm tra lại sau hai tuần.',
  'Giao trưởng thôn theo dõi, báo cáo kết quả trong tháng.',
  'Mời đơn vị thu gom họp thống nhất lịch mới.',
];
const PEOPLE = [
  'Trưởng thôn',
  'Bí thư chi bộ',
  'Chi hội Phụ nữ',
  'Đoàn Thanh niên',
  'Hội Cựu chiến binh',
  'Tổ tự quản',
  'Công an viên',
  'Y tế thôn bản',
  'Hội Nông dân',
];

const BASE = Date.UTC(2026, 0, 5);

function pick<T>(rnd: () => number, list: readonly T[], n: number): T[] {
  const pool = [...list];
  const out: T[] = [];
  while (out.length < n && pool.length)
    out.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0]);
  return out;
}

/** The n-th of a series of varied environment checks by `author`. */
export function variedCheck(author: Author, n: number, rnd: () => number, tag: string): FieldCheck {
  const when = new Date(BASE + n * 37 * 60_000 + Math.floor(rnd() * 30 * 60_000));
  const input = emptyInput('environment', when);
  if (input.kind !== 'environment') throw new Error('unreachable');
  const hamlet = HAMLETS[Math.floor(rnd() * HAMLETS.length)];
  input.hamlet = `Thôn ${hamlet}`;
  input.place = `${pick(rnd, PLACES, 1)[0]}, thôn ${hamlet}, cách trục đường chính ${Math.floor(rnd() * 900) + 50} m`;
  input.findings = pick(rnd, FINDINGS, 2 + Math.floor(rnd() * 3)).join(' ');
  input.recommendations = pick(rnd, ADVICE, 1 + Math.floor(rnd() * 2)).join(' ');
  input.participants = pick(rnd, PEOPLE, 1 + Math.floor(rnd() * 4));
  input.planItems = pick(
    rnd,
    ['2.3.7', '2.3.5', '1.2.1', '3.1.4', '2.1.2'],
    1 + Math.floor(rnd() * 2),
  );
  input.gps = {
    lat: 22.3 + rnd() * 0.2,
    lon: 106.5 + rnd() * 0.3,
    accuracy: Math.round(5 + rnd() * 60),
    capturedAt: when.toISOString(),
  };
  input.endedAt = new Date(when.getTime() + (20 + Math.floor(rnd() * 100)) * 60_000).toISOString();
  input.note = `${tag}#${n}`;
  const details = input.details as EnvironmentDetails;
  details.householdsChecked = 5 + Math.floor(rnd() * 120);
  details.householdsInService = Math.floor(details.householdsChecked * (0.5 + rnd() / 2));
  details.collectionsPerWeek = 1 + Math.floor(rnd() * 6);
  details.collectionPointOk = rnd() > 0.25;
  return fieldCheckSchema.parse(newFieldCheck(input, author, when));
}

export function variedChecks(
  author: Author,
  count: number,
  seed: number,
  tag: string,
): FieldCheck[] {
  const rnd = seeded(seed);
  return Array.from({ length: count }, (_, n) => variedCheck(author, n, rnd, tag));
}
