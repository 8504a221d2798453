// The words of this kind, Vietnamese first; English typed against them.
import type { Widen } from '../../i18n/vi';

const big = (what: string) => `${what} là số nguyên từ 0 đến 1.000.000; để trống nếu chưa rõ.`;
const small = (what: string) => `${what} là số nguyên từ 0 đến 10.000; để trống nếu chưa rõ.`;
const bigEn = (what: string) => `${what}: a whole number from 0 to 1,000,000, or leave it empty.`;
const smallEn = (what: string) => `${what}: a whole number from 0 to 10,000, or leave it empty.`;

const vi = {
  name: 'Buổi tuyên truyền',
  fields: {
    topic: 'Chủ đề',
    form: 'Hình thức',
    byWhom: 'Người, tổ chức thực hiện',
    attendees: 'Số người nghe, tham dự',
    materials: 'Số tài liệu phát ra',
    helpedVneid: 'Số người được hỗ trợ cài đặt, kích hoạt VNeID',
    helpedAccounts: 'Số người được hỗ trợ tạo tài khoản dịch vụ công',
    helpedOnlineFiling: 'Số người được hướng dẫn nộp hồ sơ trực tuyến',
    helpedOnlinePayment: 'Số người được hướng dẫn thanh toán trực tuyến',
  },
  options: {
    topic: {
      papi: '08 nội dung của chỉ số PAPI',
      grassrootsDemocracy: 'Luật Thực hiện dân chủ ở cơ sở',
      digital: 'Chuyển đổi số, dịch vụ công trực tuyến',
      environment: 'Bảo vệ môi trường',
      law: 'Phổ biến, giáo dục pháp luật',
      other: 'Chủ đề khác',
    },
    form: {
      meeting: 'Hội nghị, họp dân',
      loudspeaker: 'Loa truyền thanh',
      chatGroup: 'Nhóm Zalo, mạng xã hội',
      doorToDoor: 'Đến từng hộ gia đình',
    },
  },
  errors: {
    topic: 'Hãy chọn một chủ đề trong danh sách.',
    form: 'Hãy chọn một hình thức trong danh sách.',
    byWhom: 'Người, tổ chức thực hiện dài tối đa 200 ký tự.',
    attendees: big('Số người tham dự'),
    materials: big('Số tài liệu phát ra'),
    helpedVneid: small('Số người được hỗ trợ VNeID'),
    helpedAccounts: small('Số người được tạo tài khoản'),
    helpedOnlineFiling: small('Số người nộp hồ sơ trực tuyến'),
    helpedOnlinePayment: small('Số người thanh toán trực tuyến'),
  },
} as const;

const en: Widen<typeof vi> = {
  name: 'Outreach session',
  fields: {
    topic: 'Topic',
    form: 'Form',
    byWhom: 'Run by',
    attendees: 'Attendees',
    materials: 'Materials handed out',
    helpedVneid: 'People helped to install and activate VNeID',
    helpedAccounts: 'People helped to open a public-service account',
    helpedOnlineFiling: 'People guided to file online',
    helpedOnlinePayment: 'People guided to pay online',
  },
  options: {
    topic: {
      papi: 'The eight PAPI contents',
      grassrootsDemocracy: 'Grassroots Democracy Law',
      digital: 'Digital transformation, online services',
      environment: 'Environmental protection',
      law: 'Legal education',
      other: 'Other topic',
    },
    form: {
      meeting: 'Meeting',
      loudspeaker: 'Loudspeaker',
      chatGroup: 'Zalo / social media group',
      doorToDoor: 'Door to door',
    },
  },
  errors: {
    topic: 'Choose a topic from the list.',
    form: 'Choose a form from the list.',
    byWhom: 'Run by is at most 200 characters.',
    attendees: bigEn('Attendees'),
    materials: bigEn('Materials'),
    helpedVneid: smallEn('VNeID help'),
    helpedAccounts: smallEn('Accounts opened'),
    helpedOnlineFiling: smallEn('Online filing'),
    helpedOnlinePayment: smallEn('Online payment'),
  },
};

export const labels = { vi, en };
