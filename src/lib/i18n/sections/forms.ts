// Words of the forms (issue 12.4, 12.8): one sentence per kind of problem, built around the
// field's own name, and the sentences some fields say instead. src/lib/data/field-messages.ts
// is the one place that picks them. Numbers arrive already written the language's way.
import type { Widen } from '../vi';

/** "Thôn/bản" → "thôn/bản" inside a sentence; "GPS…" and "PAR INDEX" stay as they are. */
const lower = (s: string) =>
  s.length > 1 && s[1] === s[1].toLowerCase() ? s[0].toLowerCase() + s.slice(1) : s;

export const formsVi = {
  thisField: 'Mục này',
  firstSync: {
    loading: 'Đang tải dữ liệu của xã về máy lần đầu. Chờ một chút, danh sách sẽ hiện ra ở đây.',
    percent: (p: string) => `Đã tải ${p}`,
    offline:
      'Máy này chưa tải dữ liệu của xã lần nào. Khi có mạng, dữ liệu sẽ tự tải về; vẫn ghi mới được ngay.',
    failed: 'Chưa tải được dữ liệu của xã về máy. Ứng dụng sẽ tự thử lại.',
    plan: 'Kế hoạch năm của xã đang được tải về máy.',
  },
  hamlet: {
    choose: '— Chọn thôn/bản —',
    unlisted: (name: string) => `${name} (không còn trong danh sách của xã)`,
    none: 'Xã chưa có danh sách thôn/bản trên máy này.',
    manage: 'Thêm thôn/bản',
  },
  planItems: {
    add: '— Chọn mục kế hoạch để thêm —',
    noPlan: 'Máy này chưa có kế hoạch năm nên chưa chọn được mục.',
    remove: (code: string) => `Bỏ mục ${code}`,
    removeShort: 'Bỏ',
  },
  hamlets: {
    nav: 'Thôn/bản',
    title: 'Danh sách thôn/bản của xã',
    intro:
      'Cán bộ chọn thôn/bản từ danh sách này khi ghi chép. Tên trùng nhau (như “Đồng Tâm” và “Thôn Đồng Tâm”) được coi là một.',
    onlyAdmins: 'Chỉ quản trị viên của xã sửa được danh sách này.',
    name: 'Tên thôn/bản (vd: Thôn Đồng Tâm)',
    add: 'Thêm vào danh sách',
    added: (name: string) => `Đã thêm ${name}.`,
    exists: (name: string) => `${name} đã có trong danh sách.`,
    rename: (name: string) => `Đổi tên ${name}`,
    renamed: (name: string) => `Đã đổi tên thành ${name}.`,
    save: 'Lưu tên',
    retire: 'Thôi dùng',
    restore: 'Dùng lại',
    retired: 'Đã thôi dùng',
    empty: 'Danh sách đang trống.',
    failed: 'Không lưu được. Hãy thử lại.',
  },
  draft: {
    restored: (when: string) =>
      `Đây là bản đang nhập dở, được giữ lại trên máy lúc ${when}. Bạn có thể nhập tiếp hoặc bỏ bản nháp này.`,
    discard: 'Bỏ bản nháp',
    discardConfirm: 'Bỏ những gì đang nhập dở? Không lấy lại được.',
    delete: 'Xóa bản nháp',
    deleteConfirm: 'Xóa bản nháp này khỏi máy và máy chủ? Không lấy lại được.',
    deleted: 'Đã xóa bản nháp.',
  },
  problems: {
    required: (label: string) => `Hãy nhập ${lower(label)}.`,
    number: (label: string, whole = false) =>
      whole
        ? `${label} phải là số nguyên, ví dụ 15 hoặc 1.500.`
        : `${label} phải là một số, ví dụ 1.500 hoặc 2,5.`,
    decimalMark: (label: string) =>
      `${label}: phần thập phân viết sau dấu phẩy (2,5); dấu chấm chỉ để ngăn hàng nghìn (1.500).`,
    between: (label: string, min: string, max: string, whole: boolean) =>
      `${label} phải là ${whole ? 'số nguyên' : 'số'} từ ${min} đến ${max}.`,
    atLeast: (label: string, min: string, whole: boolean) =>
      `${label} phải là ${whole ? 'số nguyên' : 'số'} từ ${min} trở lên.`,
    atMost: (label: string, max: string, whole: boolean) =>
      `${label} phải là ${whole ? 'số nguyên' : 'số'} không quá ${max}.`,
    whole: (label: string) => `${label} phải là số nguyên.`,
    tooLong: (label: string, max: string) => `${label} dài quá: tối đa ${max} ký tự.`,
    tooMany: (label: string, max: string) => `${label}: tối đa ${max} mục.`,
    choice: (label: string) => `Hãy chọn ${lower(label)} trong danh sách.`,
    yesNo: (label: string) => `Hãy chọn có hoặc không cho mục “${label}”.`,
    time: (label: string) => `Hãy nhập ${lower(label)} đủ ngày và giờ.`,
    date: (label: string) => `Hãy chọn ngày cho mục “${label}” (ngày/tháng/năm).`,
    endBeforeStart: (label: string) => `${label} phải sau thời gian bắt đầu.`,
    tooFarAhead: (label: string) =>
      `${label} đang ở tương lai (quá một ngày so với bây giờ). Hãy kiểm tra lại ngày.`,
    format: (label: string) => `${label} chưa đúng. Hãy kiểm tra lại.`,
  },
  /**
   * What a field says instead of the general sentence, by field path (list positions left
   * out: `planItems`, `details.households`); `name` is the field's name inside a sentence
   * when its label carries a hint ("(mỗi dòng một người)").
   */
  fields: {
    hamlet: {
      required: 'Hãy chọn thôn/bản nơi làm việc.',
      choice: 'Hãy chọn thôn/bản trong danh sách của xã.',
    },
    startedAt: {
      name: 'Thời gian bắt đầu',
      required: 'Hãy nhập thời gian bắt đầu (ngày và giờ).',
      time: 'Hãy nhập thời gian bắt đầu đủ ngày và giờ.',
    },
    endedAt: {
      name: 'Thời gian kết thúc',
      time: 'Hãy nhập thời gian kết thúc đủ ngày và giờ, hoặc để trống.',
    },
    participants: {
      name: 'Danh sách người cùng tham gia',
      tooLong: 'Tên mỗi người cùng tham gia dài tối đa 200 ký tự.',
    },
    planItems: {
      name: 'Mục kế hoạch',
      format: 'Hãy chọn mục kế hoạch trong danh sách của kế hoạch năm.',
      choice: 'Hãy chọn mục kế hoạch trong danh sách của kế hoạch năm.',
    },
    'followUp.what': { required: 'Hãy ghi việc cần làm tiếp.' },
    title: { required: 'Hãy nhập tên mục.' },
    'criteria.text': { required: 'Hãy nhập nội dung tiêu chí.' },
    deadline: {
      required: 'Hãy chọn hạn hoàn thành.',
      time: 'Hãy chọn hạn hoàn thành.',
      date: 'Hãy chọn hạn hoàn thành.',
    },
    code: { format: 'Mã mục phải là các số cách nhau bằng dấu chấm, ví dụ 2.3.7.' },
    year: { range: 'Năm phải là số từ 2000 đến 2100.' },
  } as Record<string, Record<string, string>>,
} as const;

export const formsEn: Widen<typeof formsVi> = {
  thisField: 'This field',
  firstSync: {
    loading:
      'Loading the commune’s data onto this device for the first time. The list appears here shortly.',
    percent: (p: string) => `${p} loaded`,
    offline:
      'This device has not loaded the commune’s data yet. It loads by itself once online; you can record right away.',
    failed: 'Could not load the commune’s data yet. The app keeps trying.',
    plan: 'The commune’s plan for the year is loading onto this device.',
  },
  hamlet: {
    choose: '— Choose the hamlet —',
    unlisted: (name: string) => `${name} (no longer on the commune’s list)`,
    none: 'This device has no hamlet list for the commune yet.',
    manage: 'Add hamlets',
  },
  planItems: {
    add: '— Choose a plan item to add —',
    noPlan: 'This device has no plan for the year yet, so no item can be chosen.',
    remove: (code: string) => `Remove item ${code}`,
    removeShort: 'Remove',
  },
  hamlets: {
    nav: 'Hamlets',
    title: 'The commune’s hamlets',
    intro:
      'Officials choose the hamlet from this list when they record. Names that mean the same hamlet (“Đồng Tâm” and “Thôn Đồng Tâm”) count as one.',
    onlyAdmins: 'Only the commune’s administrator edits this list.',
    name: 'Hamlet name (e.g. Thôn Đồng Tâm)',
    add: 'Add to the list',
    added: (name: string) => `${name} added.`,
    exists: (name: string) => `${name} is already on the list.`,
    rename: (name: string) => `Rename ${name}`,
    renamed: (name: string) => `Renamed to ${name}.`,
    save: 'Save name',
    retire: 'Stop using',
    restore: 'Use again',
    retired: 'No longer used',
    empty: 'The list is empty.',
    failed: 'Could not save. Try again.',
  },
  draft: {
    restored: (when: string) =>
      `This is unfinished typing kept on this device at ${when}. Continue, or discard it.`,
    discard: 'Discard draft',
    discardConfirm: 'Discard what was typed? It cannot be brought back.',
    delete: 'Delete draft',
    deleteConfirm: 'Delete this draft from the device and the server? It cannot be brought back.',
    deleted: 'Draft deleted.',
  },
  problems: {
    required: (label: string) => `Enter ${lower(label)}.`,
    number: (label: string, whole = false) =>
      whole
        ? `${label} must be a whole number, such as 15 or 1,500.`
        : `${label} must be a number, such as 1,500 or 2.5.`,
    decimalMark: (label: string) =>
      `${label}: write decimals after a dot (2.5); a comma only separates thousands (1,500).`,
    between: (label: string, min: string, max: string, whole: boolean) =>
      `${label} must be a ${whole ? 'whole number' : 'number'} from ${min} to ${max}.`,
    atLeast: (label: string, min: string, whole: boolean) =>
      `${label} must be a ${whole ? 'whole number' : 'number'} of at least ${min}.`,
    atMost: (label: string, max: string, whole: boolean) =>
      `${label} must be a ${whole ? 'whole number' : 'number'} of at most ${max}.`,
    whole: (label: string) => `${label} must be a whole number.`,
    tooLong: (label: string, max: string) => `${label} is too long: at most ${max} characters.`,
    tooMany: (label: string, max: string) => `${label}: at most ${max} entries.`,
    choice: (label: string) => `Choose ${lower(label)} from the list.`,
    yesNo: (label: string) => `Choose yes or no for “${label}”.`,
    time: (label: string) => `Enter ${lower(label)} with a date and a time.`,
    date: (label: string) => `Choose a date for “${label}” (day/month/year).`,
    endBeforeStart: (label: string) => `${label} must be after the start.`,
    tooFarAhead: (label: string) =>
      `${label} is in the future (more than a day from now). Check the date.`,
    format: (label: string) => `${label} is not right. Check it again.`,
  },
  fields: {
    hamlet: {
      required: 'Choose the hamlet you worked in.',
      choice: 'Choose a hamlet from the commune’s list.',
    },
    startedAt: {
      name: 'The start',
      required: 'Enter the start (date and time).',
      time: 'Enter the start with a date and a time.',
    },
    endedAt: {
      name: 'The end',
      time: 'Enter the end with a date and a time, or leave it empty.',
    },
    participants: {
      name: 'The list of participants',
      tooLong: 'Each participant’s name is at most 200 characters.',
    },
    planItems: {
      name: 'Plan item',
      format: 'Choose plan items from the year’s plan.',
      choice: 'Choose plan items from the year’s plan.',
    },
    'followUp.what': { required: 'Write what has to be done next.' },
    title: { required: 'Enter the item’s title.' },
    'criteria.text': { required: 'Enter the criterion’s text.' },
    deadline: {
      required: 'Choose the deadline.',
      time: 'Choose the deadline.',
      date: 'Choose the deadline.',
    },
    code: { format: 'An item code is numbers separated by dots, such as 2.3.7.' },
    year: { range: 'The year must be a number from 2000 to 2100.' },
  },
};
