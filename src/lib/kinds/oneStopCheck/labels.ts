// The words of this kind, Vietnamese first; English typed against them.
import type { Widen } from '../../i18n/vi';

const tri = 'Hãy chọn Có, Không hoặc Chưa rõ.';
const dossiers = (what: string) => `${what} là số nguyên từ 0 đến 1.000.000; để trống nếu chưa rõ.`;
const dossiersEn = (what: string) =>
  `${what}: a whole number from 0 to 1,000,000, or leave it empty.`;

const vi = {
  name: 'Kiểm tra Bộ phận một cửa',
  fields: {
    checkType: 'Hình thức kiểm tra',
    officerChecked: 'Công chức được kiểm tra',
    punctual: 'Có mặt đúng giờ',
    badgeWorn: 'Đeo thẻ công chức',
    attitudeOk: 'Thái độ phục vụ đúng mực',
    proceduresPosted: 'Niêm yết đầy đủ thủ tục hành chính',
    logbookKept: 'Có sổ theo dõi hồ sơ',
    dossiersReceived: 'Số hồ sơ đã tiếp nhận',
    dossiersLate: 'Số hồ sơ trễ hạn',
    suggestionBox: 'Có hòm thư góp ý',
    equipmentOk: 'Trang thiết bị đáp ứng yêu cầu',
    violations: 'Vi phạm phát hiện',
    correctiveAction: 'Biện pháp khắc phục',
  },
  options: {
    checkType: { scheduled: 'Theo kế hoạch', unannounced: 'Đột xuất' },
  },
  errors: {
    checkType: 'Hãy chọn hình thức kiểm tra trong danh sách.',
    officerChecked: 'Tên công chức dài tối đa 200 ký tự.',
    punctual: tri,
    badgeWorn: tri,
    attitudeOk: tri,
    proceduresPosted: tri,
    logbookKept: tri,
    dossiersReceived: dossiers('Số hồ sơ tiếp nhận'),
    dossiersLate: dossiers('Số hồ sơ trễ hạn'),
    suggestionBox: tri,
    equipmentOk: tri,
    violations: 'Phần vi phạm dài tối đa 5.000 ký tự.',
    correctiveAction: 'Phần biện pháp khắc phục dài tối đa 5.000 ký tự.',
  },
} as const;

const triEn = 'Choose yes, no or not known.';
const en: Widen<typeof vi> = {
  name: 'One-stop-shop check',
  fields: {
    checkType: 'Type of check',
    officerChecked: 'Official checked',
    punctual: 'On time',
    badgeWorn: 'Badge worn',
    attitudeOk: 'Proper attitude',
    proceduresPosted: 'Procedures posted in full',
    logbookKept: 'Dossier logbook kept',
    dossiersReceived: 'Dossiers received',
    dossiersLate: 'Dossiers late',
    suggestionBox: 'Suggestion box',
    equipmentOk: 'Equipment adequate',
    violations: 'Violations found',
    correctiveAction: 'Corrective action',
  },
  options: {
    checkType: { scheduled: 'Scheduled', unannounced: 'Unannounced' },
  },
  errors: {
    checkType: 'Choose a type of check from the list.',
    officerChecked: 'The name is at most 200 characters.',
    punctual: triEn,
    badgeWorn: triEn,
    attitudeOk: triEn,
    proceduresPosted: triEn,
    logbookKept: triEn,
    dossiersReceived: dossiersEn('Dossiers received'),
    dossiersLate: dossiersEn('Dossiers late'),
    suggestionBox: triEn,
    equipmentOk: triEn,
    violations: 'Violations are at most 5,000 characters.',
    correctiveAction: 'Corrective action is at most 5,000 characters.',
  },
};

export const labels = { vi, en };
