// Conflicts (issue 14.3): versions of one record from two devices, side by side.
import type { Widen } from '../vi';

export const conflictsVi = {
  nav: 'Xung đột',
  title: 'Bản ghi bị sửa trên hai máy',
  intro:
    'Các bản ghi dưới đây được sửa trên hai máy trước khi đồng bộ nên có nhiều bản. Không bản nào bị mất cho đến khi anh/chị chọn.',
  none: 'Không có bản ghi nào bị sửa trên hai máy.',
  notResolver: 'Chỉ lãnh đạo xã và người duyệt mới xử lý được bản ghi bị sửa trên hai máy.',
  versions: (n: number) => `${n} bản`,
  open: 'So sánh và chọn',
  compareTitle: 'So sánh các bản',
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
    `Giữ bản ${n} và gỡ các bản còn lại? Các bản bị gỡ vẫn được lưu trong hồ sơ xử lý.`,
  done: 'Đã xử lý; các bản đều được lưu trong hồ sơ xử lý và sẽ tự đồng bộ.',
  failed: 'Chưa xử lý được. Không bản nào bị mất; hãy thử lại.',
  gone: 'Bản ghi này không còn xung đột.',
  empty: '(trống)',
  yes: 'Có',
  no: 'Không',
  policy: {
    notResolver: 'Chỉ lãnh đạo xã và người duyệt mới gỡ được bản trùng của bản ghi.',
  },
};

export const conflictsEn: Widen<typeof conflictsVi> = {
  nav: 'Conflicts',
  title: 'Records edited on two devices',
  intro:
    'These records were edited on two devices before they synced, so they have several versions. None is lost until you choose.',
  none: 'No record was edited on two devices.',
  notResolver: 'Only the commune leaders and reviewers resolve records edited on two devices.',
  versions: (n: number) => `${n} versions`,
  open: 'Compare and choose',
  compareTitle: 'Compare the versions',
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
    `Keep version ${n} and remove the others? The removed versions stay in the resolution.`,
  done: 'Resolved; every version is kept in the resolution, and it will sync by itself.',
  failed: 'Not resolved. Nothing was lost; try again.',
  gone: 'This record has no conflict any more.',
  empty: '(empty)',
  yes: 'Yes',
  no: 'No',
  policy: {
    notResolver: 'not a resolver',
  },
};
