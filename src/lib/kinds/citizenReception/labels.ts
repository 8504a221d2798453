// The words of this kind, Vietnamese first; English typed against them.
import type { Widen } from '../../i18n/vi';

const count = (what: string) => `${what} là số nguyên từ 0 đến 10.000; để trống nếu chưa rõ.`;
const countEn = (what: string) => `${what}: a whole number from 0 to 10,000, or leave it empty.`;

const vi = {
  name: 'Tiếp công dân / đối thoại',
  notice:
    'Bản ghi có thông tin cá nhân của người dân: chỉ công chức xã, Chủ tịch và Phó Chủ tịch UBND xã xem được. Không ghi số căn cước, số điện thoại hay địa chỉ nếu không cần.',
  fields: {
    receptionType: 'Hình thức',
    chairedBy: 'Người chủ trì',
    visits: 'Số lượt công dân đến',
    complaints: 'Số vụ khiếu nại',
    denunciations: 'Số vụ tố cáo',
    petitions: 'Số kiến nghị',
    reflections: 'Số phản ánh',
    fields: 'Lĩnh vực',
    answeredOnSpot: 'Số vụ việc trả lời ngay',
    referred: 'Số vụ việc chuyển cơ quan có thẩm quyền',
    replyDue: 'Hạn trả lời',
  },
  options: {
    receptionType: {
      periodic: 'Tiếp công dân định kỳ',
      adHoc: 'Tiếp công dân đột xuất',
      chairDialogue: 'Chủ tịch UBND xã đối thoại với Nhân dân',
    },
    fields: {
      land: 'Đất đai',
      environment: 'Môi trường',
      construction: 'Xây dựng',
      socialPolicy: 'Chính sách xã hội',
      civilStatus: 'Hộ tịch, chứng thực',
      security: 'An ninh, trật tự',
      publicService: 'Thái độ phục vụ, thủ tục hành chính',
      other: 'Lĩnh vực khác',
    },
  },
  errors: {
    receptionType: 'Hãy chọn một hình thức trong danh sách.',
    chairedBy: 'Tên người chủ trì dài tối đa 200 ký tự.',
    visits: count('Số lượt công dân đến'),
    complaints: count('Số vụ khiếu nại'),
    denunciations: count('Số vụ tố cáo'),
    petitions: count('Số kiến nghị'),
    reflections: count('Số phản ánh'),
    fields: 'Hãy chọn lĩnh vực trong danh sách, mỗi lĩnh vực một lần.',
    answeredOnSpot: count('Số vụ việc trả lời ngay'),
    referred: count('Số vụ việc chuyển đi'),
    replyDue: 'Hạn trả lời phải là một ngày hợp lệ (ngày/tháng/năm).',
  },
} as const;

const en: Widen<typeof vi> = {
  name: 'Citizen reception / dialogue',
  notice:
    "This record holds citizens' personal data: only commune officials, the chair and vice chairs can see it. Do not write ID card numbers, phone numbers or addresses unless needed.",
  fields: {
    receptionType: 'Type',
    chairedBy: 'Chaired by',
    visits: 'Citizen visits',
    complaints: 'Complaints',
    denunciations: 'Denunciations',
    petitions: 'Petitions',
    reflections: 'Feedback items',
    fields: 'Fields',
    answeredOnSpot: 'Cases answered on the spot',
    referred: 'Cases referred to the competent body',
    replyDue: 'Reply due',
  },
  options: {
    receptionType: {
      periodic: 'Periodic reception',
      adHoc: 'Ad hoc reception',
      chairDialogue: "Chair's dialogue with the people",
    },
    fields: {
      land: 'Land',
      environment: 'Environment',
      construction: 'Construction',
      socialPolicy: 'Social policy',
      civilStatus: 'Civil status, certification',
      security: 'Security and order',
      publicService: 'Service attitude, procedures',
      other: 'Other',
    },
  },
  errors: {
    receptionType: 'Choose a type from the list.',
    chairedBy: 'The name of who chaired is at most 200 characters.',
    visits: countEn('Citizen visits'),
    complaints: countEn('Complaints'),
    denunciations: countEn('Denunciations'),
    petitions: countEn('Petitions'),
    reflections: countEn('Feedback items'),
    fields: 'Choose fields from the list, each once.',
    answeredOnSpot: countEn('Cases answered on the spot'),
    referred: countEn('Cases referred'),
    replyDue: 'The reply due must be a valid date.',
  },
};

export const labels = { vi, en };
