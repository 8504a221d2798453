// Conflicts (issue 14.3): versions of one record from two devices, side by side.
import type { Widen } from '../vi';

export const conflictsVi = {
  nav: 'Bản ghi cần gộp',
  title: 'Bản ghi bị sửa trên hai máy',
  intro:
    'Các bản ghi dưới đây được sửa trên hai máy trước khi đồng bộ nên có nhiều bản. Không bản nào bị mất cho đến khi anh/chị chọn.',
  none: 'Không có bản ghi nào bị sửa trên hai máy.',
  notResolver: 'Chỉ lãnh đạo xã và người duyệt mới xử lý được bản ghi bị sửa trên hai máy.',
  versions: (n: number) => `${n} bản`,
  compareTitle: 'So sánh các bản',
  compareLink: 'So sánh từng mục và chọn bản giữ lại',
  version: (n: number) => `Bản ${n}`,
  editedAt: (when: string) => `Sửa lúc ${when}`,
  field: 'Mục',
  differs: 'Khác nhau',
  onlyDiffering: 'Chỉ hiện các mục khác nhau',
  keepAll: (n: number) => `Giữ nguyên bản ${n}`,
  pick: (n: number) => `Lấy theo bản ${n}`,
  merge: 'Gộp theo các lựa chọn',
  mergeHelp:
    'Với mỗi mục khác nhau, chọn bản muốn giữ rồi bấm “Gộp theo các lựa chọn”. Mọi bản vẫn được lưu đầy đủ trong hồ sơ xử lý.',
  keepConfirm: (n: number) =>
    `Giữ bản ${n} và bỏ các bản còn lại? Các bản bị bỏ vẫn được lưu đầy đủ trong hồ sơ xử lý.`,
  pending:
    'Đã lưu cách xử lý. Máy chủ sẽ gộp bản ghi khi máy này đồng bộ; sau đó bản ghi chỉ còn một bản trên mọi máy.',
  pendingShort: 'Chờ máy chủ gộp',
  redoShort: 'Cần xử lý lại',
  redo: {
    stale:
      'Cách xử lý trước chưa được áp dụng vì bản ghi vừa được sửa thêm trên một máy khác. Xin so sánh và chọn lại.',
    approved: 'Cách xử lý trước chưa được áp dụng vì bản ghi đã được duyệt nên không sửa được nữa.',
    mismatch:
      'Cách xử lý trước chưa được áp dụng vì các bản trên máy này khác với bản trên máy chủ. Xin so sánh và chọn lại.',
    notResolver:
      'Cách xử lý trước chưa được áp dụng vì tài khoản của anh/chị không còn quyền xử lý bản ghi này.',
    invalid:
      'Cách xử lý trước chưa được áp dụng vì bản gộp thiếu thông tin bắt buộc. Xin chọn lại.',
  },
  changed: 'Trong lúc anh/chị so sánh, bản ghi lại có thay đổi. Xin xem lại các bản rồi chọn.',
  failed: 'Chưa lưu được cách xử lý. Không bản nào bị mất; xin thử lại.',
  gone: 'Bản ghi này không còn bị sửa trên hai máy.',
  back: 'Về danh sách bản ghi bị sửa trên hai máy',
  empty: '(trống)',
  yes: 'Có',
  no: 'Không',
  policy: {
    notResolver: 'Chỉ lãnh đạo xã và người duyệt mới xử lý được bản ghi bị sửa trên hai máy.',
  },
};

export const conflictsEn: Widen<typeof conflictsVi> = {
  nav: 'Records to merge',
  title: 'Records edited on two devices',
  intro:
    'These records were edited on two devices before they synced, so they have several versions. None is lost until you choose.',
  none: 'No record was edited on two devices.',
  notResolver: 'Only the commune leaders and reviewers resolve records edited on two devices.',
  versions: (n: number) => `${n} versions`,
  compareTitle: 'Compare the versions',
  compareLink: 'Compare field by field and choose what to keep',
  version: (n: number) => `Version ${n}`,
  editedAt: (when: string) => `Edited ${when}`,
  field: 'Field',
  differs: 'Differs',
  onlyDiffering: 'Only the fields that differ',
  keepAll: (n: number) => `Keep version ${n} as it is`,
  pick: (n: number) => `Take version ${n}`,
  merge: 'Merge as chosen',
  mergeHelp:
    'For each differing field choose the version to keep, then press “Merge as chosen”. Every version stays in full in the resolution.',
  keepConfirm: (n: number) =>
    `Keep version ${n} and drop the others? The dropped versions stay in full in the resolution.`,
  pending:
    'Your choice is saved. The server merges the record when this device syncs; then every device has one version.',
  pendingShort: 'Waiting for the server',
  redoShort: 'Needs resolving again',
  redo: {
    stale:
      'Your earlier choice was not applied: the record was edited again on another device. Please compare and choose again.',
    approved: 'Your earlier choice was not applied: the record has been approved and is frozen.',
    mismatch:
      'Your earlier choice was not applied: the versions on this device differ from the server’s. Please compare and choose again.',
    notResolver:
      'Your earlier choice was not applied: your account may no longer resolve this record.',
    invalid:
      'Your earlier choice was not applied: the merge lacked required details. Please choose again.',
  },
  changed: 'The record changed while you compared. Please look at the versions again and choose.',
  failed: 'Your choice was not saved. Nothing was lost; please try again.',
  gone: 'This record is no longer edited on two devices.',
  back: 'Back to the records edited on two devices',
  empty: '(empty)',
  yes: 'Yes',
  no: 'No',
  policy: {
    notResolver: 'not a resolver',
  },
};
