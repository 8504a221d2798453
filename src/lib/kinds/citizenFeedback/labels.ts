// The words of this kind, Vietnamese first; English typed against them.
import type { Widen } from '../../i18n/vi';
import { labels as reception } from '../citizenReception/labels';

const day = (what: string) => `${what} phải là một ngày hợp lệ (ngày/tháng/năm).`;
const dayEn = (what: string) => `${what} must be a valid date.`;

const vi = {
  name: 'Xử lý phản ánh, kiến nghị',
  notice:
    'Bản ghi có thông tin cá nhân của người phản ánh: chỉ công chức xã, Chủ tịch và Phó Chủ tịch UBND xã xem được. Người phản ánh có thể giấu tên; không ghi số căn cước, số điện thoại hay địa chỉ nếu không cần.',
  fields: {
    channel: 'Kênh tiếp nhận',
    receivedOnline: 'Tiếp nhận trực tuyến',
    receivedOn: 'Ngày tiếp nhận',
    anonymous: 'Người phản ánh giấu tên',
    senderName: 'Họ tên người phản ánh',
    field: 'Lĩnh vực',
    content: 'Nội dung phản ánh, kiến nghị',
    assignedTo: 'Người, bộ phận được giao xử lý',
    due: 'Hạn xử lý',
    result: 'Kết quả xử lý',
    repliedOn: 'Ngày trả lời, công khai kết quả',
    replyChannel: 'Hình thức trả lời',
    answeredOnTime: 'Trả lời đúng hạn',
    satisfaction: 'Mức độ hài lòng của người phản ánh',
  },
  options: {
    channel: {
      inPerson: 'Trực tiếp',
      hotline: 'Đường dây nóng',
      box: 'Hòm thư góp ý',
      website: 'Trang thông tin điện tử xã',
      publicServicePortal: 'Cổng Dịch vụ công',
      chat: 'Zalo, mạng xã hội',
      app: 'Ứng dụng trên điện thoại',
    },
    field: reception.vi.options.fields,
    replyChannel: {
      notYet: 'Chưa trả lời',
      inPerson: 'Trực tiếp',
      letter: 'Văn bản',
      phone: 'Điện thoại',
      website: 'Trang thông tin điện tử xã',
      publicServicePortal: 'Cổng Dịch vụ công',
      publicNotice: 'Niêm yết công khai',
    },
    satisfaction: {
      unknown: 'Chưa rõ',
      satisfied: 'Hài lòng',
      neutral: 'Bình thường',
      unsatisfied: 'Không hài lòng',
    },
  },
  errors: {
    channel: 'Hãy chọn một kênh tiếp nhận trong danh sách.',
    receivedOnline: 'Hãy đánh dấu có hay không tiếp nhận trực tuyến.',
    receivedOn: day('Ngày tiếp nhận'),
    anonymous: 'Hãy đánh dấu người phản ánh có giấu tên hay không.',
    senderName: 'Họ tên người phản ánh dài tối đa 200 ký tự.',
    field: 'Hãy chọn một lĩnh vực trong danh sách.',
    content: 'Nội dung phản ánh dài tối đa 5.000 ký tự.',
    assignedTo: 'Người, bộ phận xử lý dài tối đa 200 ký tự.',
    due: day('Hạn xử lý'),
    result: 'Kết quả xử lý dài tối đa 5.000 ký tự.',
    repliedOn: day('Ngày trả lời'),
    replyChannel: 'Hãy chọn hình thức trả lời trong danh sách.',
    answeredOnTime: 'Hãy chọn Có, Không hoặc Chưa rõ.',
    satisfaction: 'Hãy chọn mức độ hài lòng trong danh sách.',
  },
} as const;

const en: Widen<typeof vi> = {
  name: 'Citizen feedback handled',
  notice:
    "This record holds the sender's personal data: only commune officials, the chair and vice chairs can see it. The sender may stay anonymous; do not write ID card numbers, phone numbers or addresses unless needed.",
  fields: {
    channel: 'Received through',
    receivedOnline: 'Received online',
    receivedOn: 'Received on',
    anonymous: 'Sender stays anonymous',
    senderName: "Sender's name",
    field: 'Field',
    content: 'What the feedback says',
    assignedTo: 'Assigned to',
    due: 'Due',
    result: 'Result',
    repliedOn: 'Replied and published on',
    replyChannel: 'How it was answered',
    answeredOnTime: 'Answered on time',
    satisfaction: "Sender's satisfaction",
  },
  options: {
    channel: {
      inPerson: 'In person',
      hotline: 'Hotline',
      box: 'Suggestion box',
      website: 'Commune website',
      publicServicePortal: 'Public-service portal',
      chat: 'Zalo / social media',
      app: 'Phone app',
    },
    field: reception.en.options.fields,
    replyChannel: {
      notYet: 'Not answered yet',
      inPerson: 'In person',
      letter: 'Letter',
      phone: 'Phone',
      website: 'Commune website',
      publicServicePortal: 'Public-service portal',
      publicNotice: 'Public notice',
    },
    satisfaction: {
      unknown: 'Not known',
      satisfied: 'Satisfied',
      neutral: 'Neutral',
      unsatisfied: 'Not satisfied',
    },
  },
  errors: {
    channel: 'Choose a channel from the list.',
    receivedOnline: 'Tick whether it was received online.',
    receivedOn: dayEn('Received on'),
    anonymous: 'Tick whether the sender stays anonymous.',
    senderName: "The sender's name is at most 200 characters.",
    field: 'Choose a field from the list.',
    content: 'The content is at most 5,000 characters.',
    assignedTo: 'Assigned to is at most 200 characters.',
    due: dayEn('Due'),
    result: 'The result is at most 5,000 characters.',
    repliedOn: dayEn('Replied on'),
    replyChannel: 'Choose how it was answered from the list.',
    answeredOnTime: 'Choose yes, no or not known.',
    satisfaction: 'Choose a satisfaction level from the list.',
  },
};

export const labels = { vi, en };
