// The words of this kind, Vietnamese first; English typed against them.
import type { Widen } from '../../i18n/vi';

const count = (what: string) => `${what} là số nguyên từ 0 đến 1.000.000; để trống nếu chưa rõ.`;
const countEn = (what: string) => `${what}: a whole number from 0 to 1,000,000, or leave it empty.`;

const vi = {
  name: 'Tuần tra / vụ việc ANTT',
  notice: 'Bản ghi của công an: chỉ công an và Chủ tịch UBND xã xem được.',
  fields: {
    shift: 'Ca',
    route: 'Tuyến tuần tra',
    force: 'Lực lượng',
    headcount: 'Số người tham gia',
    incidentType: 'Loại vụ việc',
    incidentCount: 'Số vụ việc',
    actionTaken: 'Biện pháp đã xử lý',
    escalated: 'Đã báo cáo lên cấp trên',
  },
  options: {
    shift: { day: 'Ca ngày', night: 'Ca đêm' },
    force: {
      communePolice: 'Công an xã',
      militia: 'Dân quân',
      securityTeam: 'Tổ bảo vệ an ninh, trật tự cơ sở',
      joint: 'Phối hợp nhiều lực lượng',
    },
    incidentType: {
      none: 'Không có vụ việc',
      criminal: 'Hình sự',
      publicOrder: 'Trật tự công cộng',
      dispute: 'Tranh chấp',
      accident: 'Tai nạn',
    },
  },
  errors: {
    shift: 'Hãy chọn ca trong danh sách.',
    route: 'Tuyến tuần tra dài tối đa 200 ký tự.',
    force: 'Hãy chọn lực lượng trong danh sách.',
    headcount: count('Số người tham gia'),
    incidentType: 'Hãy chọn loại vụ việc trong danh sách.',
    incidentCount: count('Số vụ việc'),
    actionTaken: 'Biện pháp đã xử lý dài tối đa 5.000 ký tự.',
    escalated: 'Hãy đánh dấu đã hay chưa báo cáo lên cấp trên.',
  },
} as const;

const en: Widen<typeof vi> = {
  name: 'Patrol / security incident',
  notice: 'Police record: only the police and the commune chair can see it.',
  fields: {
    shift: 'Shift',
    route: 'Patrol route',
    force: 'Force',
    headcount: 'People on duty',
    incidentType: 'Incident type',
    incidentCount: 'Incidents',
    actionTaken: 'Action taken',
    escalated: 'Reported upward',
  },
  options: {
    shift: { day: 'Day shift', night: 'Night shift' },
    force: {
      communePolice: 'Commune police',
      militia: 'Militia',
      securityTeam: 'Grassroots security team',
      joint: 'Joint forces',
    },
    incidentType: {
      none: 'No incident',
      criminal: 'Criminal',
      publicOrder: 'Public order',
      dispute: 'Dispute',
      accident: 'Accident',
    },
  },
  errors: {
    shift: 'Choose a shift from the list.',
    route: 'The route is at most 200 characters.',
    force: 'Choose a force from the list.',
    headcount: countEn('People on duty'),
    incidentType: 'Choose an incident type from the list.',
    incidentCount: countEn('Incidents'),
    actionTaken: 'Action taken is at most 5,000 characters.',
    escalated: 'Tick whether it was reported upward.',
  },
};

export const labels = { vi, en };
