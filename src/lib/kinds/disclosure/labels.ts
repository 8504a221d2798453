// The words of this kind, Vietnamese first; English typed against them.
import type { Widen } from '../../i18n/vi';

const vi = {
  name: 'Kiểm tra niêm yết công khai',
  fields: {
    content: 'Nội dung công khai',
    places: 'Nơi, hình thức công khai',
    postedFrom: 'Niêm yết từ ngày',
    postedTo: 'Đến ngày',
    minutesMade: 'Có biên bản niêm yết',
    commentsReceived: 'Số ý kiến của người dân nhận được',
    commentsSummary: 'Tóm tắt ý kiến nhận được',
  },
  options: {
    content: {
      poorHouseholds: 'Danh sách hộ nghèo, hộ cận nghèo',
      budget: 'Dự toán, quyết toán thu chi ngân sách',
      landUsePlan: 'Quy hoạch, kế hoạch sử dụng đất',
      contributions: 'Các khoản huy động Nhân dân đóng góp',
      hotline: 'Đường dây nóng, quy định tiếp nhận phản ánh kiến nghị',
      procedures: 'Thủ tục hành chính',
      electionResults: 'Kết quả bầu cử',
      officialsOnDuty: 'Cán bộ trực tiếp giải quyết công việc cho dân',
      other: 'Nội dung khác',
    },
    places: {
      communeBoard: 'Bảng tin trụ sở UBND xã',
      hamletHouse: 'Nhà văn hóa thôn',
      loudspeaker: 'Loa truyền thanh',
      website: 'Trang thông tin điện tử xã',
    },
  },
  errors: {
    content: 'Hãy chọn một nội dung trong danh sách.',
    places: 'Hãy chọn nơi công khai trong danh sách, mỗi nơi một lần.',
    postedFrom: 'Ngày bắt đầu niêm yết phải là một ngày hợp lệ (ngày/tháng/năm).',
    postedTo: 'Ngày kết thúc niêm yết phải là một ngày hợp lệ (ngày/tháng/năm).',
    minutesMade: 'Hãy đánh dấu có hay không có biên bản.',
    commentsReceived: 'Số ý kiến là số nguyên từ 0 đến 10.000; để trống nếu chưa rõ.',
    commentsSummary: 'Tóm tắt ý kiến dài tối đa 5.000 ký tự.',
  },
} as const;

const en: Widen<typeof vi> = {
  name: 'Public disclosure posting check',
  fields: {
    content: 'What was disclosed',
    places: 'Where and how',
    postedFrom: 'Posted from',
    postedTo: 'Posted until',
    minutesMade: 'Posting minutes made',
    commentsReceived: "Citizens' comments received",
    commentsSummary: 'Summary of the comments',
  },
  options: {
    content: {
      poorHouseholds: 'Poor and near-poor household list',
      budget: 'Budget estimates and accounts',
      landUsePlan: 'Land-use plan',
      contributions: "People's contributions",
      hotline: 'Hotline and feedback rules',
      procedures: 'Administrative procedures',
      electionResults: 'Election results',
      officialsOnDuty: 'Officials serving citizens',
      other: 'Other',
    },
    places: {
      communeBoard: 'Commune office board',
      hamletHouse: 'Hamlet cultural house',
      loudspeaker: 'Loudspeaker',
      website: 'Commune website',
    },
  },
  errors: {
    content: 'Choose a content from the list.',
    places: 'Choose places from the list, each once.',
    postedFrom: 'The first day must be a valid date.',
    postedTo: 'The last day must be a valid date.',
    minutesMade: 'Tick whether minutes were made.',
    commentsReceived: 'Comments: a whole number from 0 to 10,000, or leave it empty.',
    commentsSummary: 'The summary is at most 5,000 characters.',
  },
};

export const labels = { vi, en };
