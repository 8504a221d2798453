// The words of this kind, Vietnamese first; English typed against them.
import type { Widen } from '../../i18n/vi';

const count = (what: string) => `${what} là số nguyên từ 0 đến 1.000.000; để trống nếu chưa rõ.`;
const countEn = (what: string) => `${what}: a whole number from 0 to 1,000,000, or leave it empty.`;

const vi = {
  name: 'Kiểm tra môi trường',
  fields: {
    item: 'Nội dung kiểm tra',
    householdsChecked: 'Số hộ được kiểm tra',
    householdsInService: 'Số hộ tham gia dịch vụ thu gom',
    collectionsPerWeek: 'Số lần thu gom mỗi tuần',
    collectionPointOk: 'Điểm tập kết đạt yêu cầu',
    pollutionHotspot: 'Có điểm gây ô nhiễm',
    cleanUpParticipants: 'Số người tham gia tổng vệ sinh',
    areaM2: 'Diện tích (m²)',
    organisingAssociation: 'Đoàn thể tổ chức',
    inVillageConvention: 'Cam kết môi trường trong hương ước, quy ước',
  },
  options: {
    item: {
      wasteCollection: 'Thu gom rác thải',
      collectionPoint: 'Điểm tập kết rác',
      wastewater: 'Nước thải',
      cleanUp: 'Tổng vệ sinh',
      selfMonitoring: 'Báo cáo tự giám sát của người dân',
    },
  },
  errors: {
    item: 'Hãy chọn một nội dung kiểm tra trong danh sách.',
    householdsChecked: count('Số hộ được kiểm tra'),
    householdsInService: count('Số hộ tham gia thu gom'),
    collectionsPerWeek: 'Số lần thu gom mỗi tuần là số nguyên từ 0 đến 21.',
    collectionPointOk: 'Hãy chọn Có, Không hoặc Chưa rõ.',
    pollutionHotspot: 'Hãy đánh dấu có hay không có điểm gây ô nhiễm.',
    cleanUpParticipants: count('Số người tham gia'),
    areaM2: 'Diện tích là số từ 0 đến 100.000.000 m²; để trống nếu chưa rõ.',
    organisingAssociation: 'Tên đoàn thể dài tối đa 200 ký tự.',
    inVillageConvention: 'Hãy đánh dấu có hay không có cam kết trong hương ước.',
  },
} as const;

const en: Widen<typeof vi> = {
  name: 'Environment check',
  fields: {
    item: 'What was checked',
    householdsChecked: 'Households checked',
    householdsInService: 'Households in the collection service',
    collectionsPerWeek: 'Collections per week',
    collectionPointOk: 'Collection point meets requirements',
    pollutionHotspot: 'Pollution hotspot found',
    cleanUpParticipants: 'Clean-up participants',
    areaM2: 'Area (m²)',
    organisingAssociation: 'Organising association',
    inVillageConvention: 'Environmental commitment in the village convention',
  },
  options: {
    item: {
      wasteCollection: 'Waste collection',
      collectionPoint: 'Collection point',
      wastewater: 'Wastewater',
      cleanUp: 'Clean-up campaign',
      selfMonitoring: 'Citizen self-monitoring report',
    },
  },
  errors: {
    item: 'Choose what was checked from the list.',
    householdsChecked: countEn('Households checked'),
    householdsInService: countEn('Households in the service'),
    collectionsPerWeek: 'Collections per week: a whole number from 0 to 21.',
    collectionPointOk: 'Choose yes, no or not known.',
    pollutionHotspot: 'Tick whether a pollution hotspot was found.',
    cleanUpParticipants: countEn('Participants'),
    areaM2: 'Area: a number from 0 to 100,000,000 m², or leave it empty.',
    organisingAssociation: 'The association is at most 200 characters.',
    inVillageConvention: 'Tick whether the village convention has the commitment.',
  },
};

export const labels = { vi, en };
