// The words of this kind, Vietnamese first; English typed against them.
import type { Widen } from '../../i18n/vi';

const vi = {
  name: 'Tuần tra / vụ việc ANTT',
  shift: 'Ca',
  shifts: { day: 'Ca ngày', night: 'Ca đêm' },
  route: 'Tuyến tuần tra',
  force: 'Lực lượng',
  forces: {
    communePolice: 'Công an xã',
    militia: 'Dân quân',
    securityTeam: 'Tổ bảo vệ an ninh, trật tự cơ sở',
    joint: 'Phối hợp nhiều lực lượng',
  },
  headcount: 'Số người tham gia',
  incidentType: 'Loại vụ việc',
  incidentTypes: {
    none: 'Không có vụ việc',
    criminal: 'Hình sự',
    publicOrder: 'Trật tự công cộng',
    dispute: 'Tranh chấp',
    accident: 'Tai nạn',
  },
  incidentCount: 'Số vụ việc',
  actionTaken: 'Biện pháp đã xử lý',
  escalated: 'Đã báo cáo lên cấp trên',
  policeOnly: 'Bản ghi của công an: chỉ công an và Chủ tịch UBND xã xem được.',
} as const;

const en: Widen<typeof vi> = {
  name: 'Patrol / security incident',
  shift: 'Shift',
  shifts: { day: 'Day shift', night: 'Night shift' },
  route: 'Patrol route',
  force: 'Force',
  forces: {
    communePolice: 'Commune police',
    militia: 'Militia',
    securityTeam: 'Grassroots security team',
    joint: 'Joint forces',
  },
  headcount: 'People on duty',
  incidentType: 'Incident type',
  incidentTypes: {
    none: 'No incident',
    criminal: 'Criminal',
    publicOrder: 'Public order',
    dispute: 'Dispute',
    accident: 'Accident',
  },
  incidentCount: 'Incidents',
  actionTaken: 'Action taken',
  escalated: 'Reported upward',
  policeOnly: 'Police record: only the police and the commune chair can see it.',
};

export const labels = { vi, en };
