// Shared phones (issue 15): signing out with unsent records, who else has records on this
// phone, receipts, the lock, storage.
import { unsentEn, unsentVi } from './unsent';
export const deviceVi = {
  signOut: {
    title: 'Đăng xuất khỏi máy này?',
    unsent: (n: number, photos = 0) => `Còn ${unsentVi(n, photos)} chưa gửi lên máy chủ.`,
    kept: 'Chúng vẫn được giữ trên máy này và sẽ tự gửi khi bạn đăng nhập lại lúc có mạng.',
    sendFirst: 'Gửi trước rồi đăng xuất',
    needsNetwork: 'Máy đang không có mạng nên chưa gửi được.',
    sending: (n: number, photos = 0) => `Đang gửi… còn ${unsentVi(n, photos)}.`,
    failed: 'Chưa gửi được. Bạn có thể thử lại khi có mạng, hoặc vẫn đăng xuất.',
    anyway: 'Vẫn đăng xuất',
    stay: 'Ở lại',
  },
  othersUnsent: (n: number, photos: number, who: string) =>
    `Máy này còn giữ ${unsentVi(n, photos)} chưa gửi của ${who}. Người đó cần đăng nhập lại khi có mạng để gửi.`,
  someone: 'một người dùng trước',
  lock: {
    title: 'Sổ hiện trường đang khóa',
    whose: (who: string) => `Máy đang giữ dữ liệu của ${who}. Nhập mã PIN để mở.`,
    pin: 'Mã PIN',
    unlock: 'Mở khóa',
    wrong: (left: number) =>
      left > 0 ? `Mã PIN không đúng. Còn ${left} lần thử.` : 'Mã PIN không đúng.',
    wait: (seconds: number) => `Nhập sai nhiều lần. Hãy thử lại sau ${seconds} giây.`,
    password:
      'Nhập sai quá nhiều lần nên dữ liệu trên máy đã bị khóa. Hãy đăng nhập bằng mật khẩu khi có mạng.',
    signInWithPassword: 'Đăng nhập bằng mật khẩu',
    someoneElse: 'Người khác dùng máy này',
    offer: 'Đặt mã PIN để mở Sổ hiện trường khi không có mạng và khóa máy khi không dùng.',
    setTitle: 'Đặt mã PIN',
    setHelp:
      'Mã PIN gồm ít nhất 6 chữ số, chỉ dùng trên máy này. Ứng dụng tự khóa khi mở lại hoặc sau 5 phút không dùng.',
    newPin: 'Mã PIN mới (ít nhất 6 chữ số)',
    repeat: 'Nhập lại mã PIN',
    tooShort: 'Mã PIN phải gồm ít nhất 6 chữ số (chỉ chữ số).',
    mismatch: 'Hai lần nhập mã PIN không giống nhau.',
    save: 'Lưu mã PIN',
    saved: 'Đã đặt mã PIN cho máy này.',
    saveFailed: 'Chưa lưu được mã PIN trên máy. Hãy thử lại.',
    lockNow: 'Khóa máy',
    accountLocked:
      'Tài khoản này đã bị quản trị viên xã khóa nên không mở được dữ liệu trên máy này nữa. Hãy liên hệ quản trị viên xã.',
  },
  people: {
    title: 'Người đã dùng máy này',
    openWithPin: (who: string) => `Mở bằng mã PIN của ${who}`,
    waitsForPassword:
      'Máy đang giữ phiên đăng nhập của người khác nên bản ghi của bạn chưa được gửi. Khi có mạng, hãy đăng nhập bằng mật khẩu để gửi; mọi dữ liệu trên máy vẫn còn.',
    // The status bar of a person opened with their PIN while the cookie is someone else's.
    heldPhase: 'Chưa gửi: cần đăng nhập bằng mật khẩu',
    heldHelp:
      'Máy đang giữ phiên đăng nhập của người khác, nên bản ghi của bạn mới chỉ lưu trên máy. Hãy đăng nhập bằng mật khẩu của bạn để gửi chúng lên máy chủ.',
    signInToSend: 'Đăng nhập để gửi',
  },
  receipt: {
    title: 'Bản ghi đang ở đâu',
    saved: 'Đã lưu trên máy',
    sent: 'Đã gửi',
    draft: 'Chưa gửi (bản nháp)',
    onServer: 'Đã lên máy chủ',
    waiting: 'Chưa lên máy chủ: máy sẽ tự gửi khi có mạng',
    refused: 'Máy chủ không nhận bản này (xem lý do ở trên)',
    checking: 'Đang kiểm tra…',
    approved: (who: string) => `Đã duyệt: ${who}`,
    returned: (who: string) => `Bị trả lại: ${who}`,
    awaiting: 'Chờ duyệt',
    notYet: 'Chưa gửi duyệt',
  },
};

export const deviceEn: typeof deviceVi = {
  signOut: {
    title: 'Sign out of this phone?',
    unsent: (n: number, photos = 0) => `${unsentEn(n, photos)} not on the server yet.`,
    kept: 'They stay on this phone and will be sent when you sign in again with a connection.',
    sendFirst: 'Send first, then sign out',
    needsNetwork: 'This phone has no connection, so they cannot be sent now.',
    sending: (n: number, photos = 0) => `Sending… ${unsentEn(n, photos)} left.`,
    failed: 'Not sent yet. Try again with a connection, or sign out anyway.',
    anyway: 'Sign out anyway',
    stay: 'Stay',
  },
  othersUnsent: (n: number, photos: number, who: string) =>
    `This phone still holds ${unsentEn(n, photos)} of ${who} not sent yet. They need to sign in again with a connection to send them.`,
  someone: 'an earlier user',
  lock: {
    title: 'Fieldbook is locked',
    whose: (who: string) => `This phone holds ${who}'s data. Enter the PIN to open it.`,
    pin: 'PIN',
    unlock: 'Unlock',
    wrong: (left: number) =>
      left > 0 ? `Wrong PIN. ${left} tr${left === 1 ? 'y' : 'ies'} left.` : 'Wrong PIN.',
    wait: (seconds: number) => `Too many wrong PINs. Try again in ${seconds} seconds.`,
    password:
      'Too many wrong PINs: the data on this phone is locked. Sign in with the password when online.',
    signInWithPassword: 'Sign in with the password',
    someoneElse: 'Someone else uses this phone',
    offer: 'Set a PIN to open Fieldbook offline and lock it when not in use.',
    setTitle: 'Set a PIN',
    setHelp:
      'At least 6 digits, for this phone only. The app locks when reopened or after 5 minutes unused.',
    newPin: 'New PIN (at least 6 digits)',
    repeat: 'PIN again',
    tooShort: 'The PIN needs at least 6 digits (digits only).',
    mismatch: 'The two PINs are not the same.',
    save: 'Save PIN',
    saved: 'The PIN is set for this phone.',
    saveFailed: 'The PIN was not saved on this phone. Try again.',
    lockNow: 'Lock',
    accountLocked:
      'The commune administrator has locked this account, so the data on this phone no longer opens. Contact the administrator.',
  },
  people: {
    title: 'People who use this phone',
    openWithPin: (who: string) => `Open with ${who}'s PIN`,
    waitsForPassword:
      "This phone holds someone else's sign-in, so your records are not being sent. With a connection, sign in with your password to send them; everything on the phone is kept.",
    heldPhase: 'Not sending: sign in with your password',
    heldHelp:
      "This phone holds someone else's sign-in, so your records are only kept on the phone. Sign in with your own password to send them to the server.",
    signInToSend: 'Sign in to send',
  },
  receipt: {
    title: 'Where this record is',
    saved: 'Saved on the phone',
    sent: 'Sent',
    draft: 'Not sent (draft)',
    onServer: 'On the server',
    waiting: 'Not on the server yet: the phone sends it when it has a connection',
    refused: 'The server did not take this version (see the reason above)',
    checking: 'Checking…',
    approved: (who: string) => `Approved: ${who}`,
    returned: (who: string) => `Returned: ${who}`,
    awaiting: 'Waiting for review',
    notYet: 'Not sent for review',
  },
};
