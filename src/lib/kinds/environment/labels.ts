// The words of this kind, Vietnamese first; English typed against them.
import type { Widen } from '../../i18n/vi';

const vi = {
  name: 'Kiểm tra môi trường',
  item: 'Nội dung kiểm tra',
  items: {
    wasteCollection: 'Thu gom rác thải',
    collectionPoint: 'Điểm tập kết rác',
    wastewater: 'Nước thải',
    cleanUp: 'Tổng vệ sinh',
    selfMonitoring: 'Báo cáo tự giám sát của người dân',
  },
  householdsChecked: 'Số hộ được kiểm tra',
  householdsInService: 'Số hộ tham gia dịch vụ thu gom',
  collectionsPerWeek: 'Số lần thu gom mỗi tuần',
  collectionPointOk: 'Điểm tập kết đạt yêu cầu',
  pollutionHotspot: 'Có điểm gây ô nhiễm',
  cleanUpParticipants: 'Số người tham gia tổng vệ sinh',
  areaM2: 'Diện tích (m²)',
  organisingAssociation: 'Đoàn thể tổ chức',
  inVillageConvention: 'Cam kết môi trường trong hương ước, quy ước',
} as const;

const en: Widen<typeof vi> = {
  name: 'Environment check',
  item: 'What was checked',
  items: {
    wasteCollection: 'Waste collection',
    collectionPoint: 'Collection point',
    wastewater: 'Wastewater',
    cleanUp: 'Clean-up campaign',
    selfMonitoring: 'Citizen self-monitoring report',
  },
  householdsChecked: 'Households checked',
  householdsInService: 'Households in the collection service',
  collectionsPerWeek: 'Collections per week',
  collectionPointOk: 'Collection point meets requirements',
  pollutionHotspot: 'Pollution hotspot found',
  cleanUpParticipants: 'Clean-up participants',
  areaM2: 'Area (m²)',
  organisingAssociation: 'Organising association',
  inVillageConvention: 'Environmental commitment in the village convention',
};

export const labels = { vi, en };
