// The phone's storage and moving unsent records by file (issue 15.4).
export const storageVi = {
  nav: 'Máy này',
  title: 'Bộ nhớ của máy này',
  used: (used: string, left: string, share: string) =>
    `Đã dùng ${used} (${share}), còn trống ${left}.`,
  unknown: 'Trình duyệt không cho biết dung lượng bộ nhớ.',
  persisted: 'Trình duyệt đã hứa giữ dữ liệu của Sổ hiện trường khi máy thiếu chỗ.',
  notPersisted:
    'Trình duyệt chưa hứa giữ dữ liệu khi máy thiếu chỗ. Hãy gửi bản ghi lên máy chủ thường xuyên.',
  nearFull:
    'Bộ nhớ của máy sắp đầy. Hãy gửi bản ghi lên máy chủ khi có mạng và xóa bớt ảnh, video không cần trên máy.',
  quota:
    'Bộ nhớ của máy đã đầy nên chưa lưu được bản ghi. Nội dung đã nhập vẫn còn nguyên; hãy xóa bớt ảnh, video hoặc ứng dụng không cần trên máy rồi bấm lưu lại.',
  bytes: (n: string, unit: 'KB' | 'MB' | 'GB') => `${n} ${unit}`,
};

export const storageEn: typeof storageVi = {
  nav: 'This phone',
  title: "This phone's storage",
  used: (used: string, left: string, share: string) => `${used} used (${share}), ${left} free.`,
  unknown: 'The browser does not tell how much storage there is.',
  persisted:
    "The browser has promised to keep Fieldbook's data when the phone runs short of space.",
  notPersisted:
    'The browser has not promised to keep the data when space runs short. Send records to the server often.',
  nearFull:
    'The phone is almost full. Send records to the server when online and delete photos or videos you do not need.',
  quota:
    'The phone is full, so the record was not saved. Everything you typed is still here; delete photos, videos or apps you do not need, then save again.',
  bytes: (n: string, unit: 'KB' | 'MB' | 'GB') => `${n} ${unit}`,
};
