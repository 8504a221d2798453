// The words of this kind, Vietnamese first; English typed against them.
import type { Widen } from '../../i18n/vi';

const vi = {
  name: 'Họp thôn / bầu cử',
  meetingType: 'Loại cuộc họp',
  types: { regular: 'Họp định kỳ', election: 'Bầu trưởng thôn', extraordinary: 'Họp bất thường' },
  households: 'Số hộ / cử tri',
  attendees: 'Số người dự',
  attendance: (pct: string) => `Tỷ lệ dự: ${pct}`,
  agenda: 'Nội dung họp',
  votesFor: 'Phiếu đồng ý',
  votesAgainst: 'Phiếu không đồng ý',
  votesOther: 'Phiếu khác',
  personElected: 'Người trúng cử',
  contributionsAmountVnd: 'Mức đóng góp bàn bạc (đồng)',
  contributionsPurpose: 'Mục đích đóng góp',
} as const;

const en: Widen<typeof vi> = {
  name: 'Hamlet meeting / election',
  meetingType: 'Meeting type',
  types: {
    regular: 'Regular meeting',
    election: 'Hamlet head election',
    extraordinary: 'Extraordinary meeting',
  },
  households: 'Households / voters',
  attendees: 'Attendees',
  attendance: (pct: string) => `Attendance: ${pct}`,
  agenda: 'Agenda',
  votesFor: 'Votes for',
  votesAgainst: 'Votes against',
  votesOther: 'Other votes',
  personElected: 'Person elected',
  contributionsAmountVnd: 'Contribution discussed (VND)',
  contributionsPurpose: 'Purpose of the contribution',
};

export const labels = { vi, en };
