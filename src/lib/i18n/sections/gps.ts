// The place a record was made, from the phone's GPS (issue 13, "Places and time").
export const gpsVi = {
  label: 'Vị trí GPS',
  take: 'Lấy vị trí',
  retry: 'Thử lại',
  seeking: 'Đang tìm vị trí…',
  none: 'Chưa có vị trí',
  notRecorded: 'Không có vị trí GPS',
  fix: (lat: string, lon: string, accuracy: number, time: string) =>
    `${lat}, ${lon} (sai số ±${accuracy} m, lúc ${time})`,
  rough: 'Vị trí còn sai số lớn. Nếu có thể, hãy ra chỗ thoáng và bấm "Thử lại".',
  noSignal:
    'Không có tín hiệu GPS. Có thể ghi tiếp mà không có vị trí, hoặc ra chỗ thoáng và bấm "Thử lại".',
  denied:
    'Máy chưa cho Sổ hiện trường dùng vị trí. Có thể ghi tiếp mà không có vị trí, hoặc cho phép dùng vị trí trong cài đặt của trình duyệt rồi bấm "Thử lại".',
  unsupported: 'Máy này không có GPS. Có thể ghi tiếp mà không có vị trí.',
};

export type GpsMessages = typeof gpsVi;

export const gpsEn: GpsMessages = {
  label: 'GPS position',
  take: 'Get position',
  retry: 'Try again',
  seeking: 'Finding the position…',
  none: 'No position yet',
  notRecorded: 'No GPS position',
  fix: (lat, lon, accuracy, time) => `${lat}, ${lon} (±${accuracy} m, at ${time})`,
  rough: 'The position is still rough. If you can, step into the open and tap "Try again".',
  noSignal:
    'No GPS signal. You can go on without a position, or step into the open and tap "Try again".',
  denied:
    'This phone has not let Fieldbook use its location. You can go on without a position, or allow location in the browser settings and tap "Try again".',
  unsupported: 'This phone has no GPS. You can go on without a position.',
};
