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
  // Said by every form that saves what a person typed (data/save-failure.ts).
  quota:
    'Bộ nhớ của máy đã đầy nên chưa lưu được. Nội dung đã nhập vẫn còn nguyên; hãy xóa bớt ảnh, video hoặc ứng dụng không cần trên máy rồi thử lại.',
  bytes: (n: string, unit: 'KB' | 'MB' | 'GB') => `${n} ${unit}`,
  transfer: {
    title: 'Chuyển bản ghi chưa gửi bằng tệp',
    help: 'Khi máy không gửi được lên máy chủ, hãy xuất các bản ghi chưa gửi (cả ảnh) ra tệp. Sau đó chính bạn đăng nhập trên máy khác hoặc máy tính ở xã và nhập tệp; máy ấy sẽ gửi chúng lên máy chủ dưới tên bạn.',
    export: 'Xuất bản ghi chưa gửi ra tệp',
    exported: (records: number, photos: number) =>
      `Đã xuất ${records} bản ghi và ${photos} ảnh ra tệp.`,
    nothing: 'Không có bản ghi nào chưa gửi.',
    import: 'Nhập tệp bản ghi',
    imported: (records: number, photos: number) =>
      `Đã nhập ${records} bản ghi và ${photos} ảnh. Chúng sẽ được gửi lên máy chủ khi có mạng.`,
    problems: {
      unreadable: 'Tệp này không phải tệp bản ghi của Sổ hiện trường.',
      damaged: 'Tệp đã bị hỏng hoặc bị sửa nên không nhập được. Hãy xuất lại từ máy cũ.',
      notYours:
        'Tệp này là bản ghi của người khác. Chỉ người đã ghi mới nhập được tệp của mình, khi đăng nhập bằng tài khoản của chính họ.',
      otherCommune: 'Tệp này là bản ghi của xã khác.',
      notHere: 'Tài khoản của bạn không giữ loại bản ghi có trong tệp này.',
      failed: 'Không nhập được tệp. Hãy thử lại.',
    },
  },
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
    'The phone is full, so nothing was saved. Everything you typed is still here; delete photos, videos or apps you do not need, then try again.',
  bytes: (n: string, unit: 'KB' | 'MB' | 'GB') => `${n} ${unit}`,
  transfer: {
    title: 'Moving unsent records by file',
    help: 'When this phone cannot reach the server, export its unsent records (photos too) to a file. Then sign in yourself on another phone or the office computer and import the file; it sends them to the server under your name.',
    export: 'Export unsent records to a file',
    exported: (records: number, photos: number) =>
      `Exported ${records} record(s) and ${photos} photo(s).`,
    nothing: 'There are no unsent records.',
    import: 'Import a records file',
    imported: (records: number, photos: number) =>
      `Imported ${records} record(s) and ${photos} photo(s). They go to the server when online.`,
    problems: {
      unreadable: 'This is not a Fieldbook records file.',
      damaged: 'The file is damaged or was changed, so it cannot be imported. Export it again.',
      notYours:
        "This file holds someone else's records. Only the person who recorded them can import it, signed in as themselves.",
      otherCommune: "This file holds another commune's records.",
      notHere: 'Your account does not keep the kind of records in this file.',
      failed: 'The file could not be imported. Try again.',
    },
  },
};
