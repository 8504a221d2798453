// Shared phones (issue 15): signing out with unsent records, who else has records on this
// phone, receipts, the lock, storage.
export const deviceVi = {
  signOut: {
    title: 'Đăng xuất khỏi máy này?',
    unsent: (n: number) => `Còn ${n} bản ghi chưa gửi lên máy chủ.`,
    kept: 'Chúng vẫn được giữ trên máy này và sẽ tự gửi khi bạn đăng nhập lại lúc có mạng.',
    sendFirst: 'Gửi trước rồi đăng xuất',
    needsNetwork: 'Máy đang không có mạng nên chưa gửi được.',
    sending: (n: number) => `Đang gửi… còn ${n} bản ghi.`,
    failed: 'Chưa gửi được. Bạn có thể thử lại khi có mạng, hoặc vẫn đăng xuất.',
    anyway: 'Vẫn đăng xuất',
    stay: 'Ở lại',
  },
  othersUnsent: (n: number, who: string) =>
    `Máy này còn giữ ${n} bản ghi chưa gửi của ${who}. Người đó cần đăng nhập lại khi có mạng để gửi.`,
  someone: 'một người dùng trước',
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
    unsent: (n: number) => `${n} record${n === 1 ? ' is' : 's are'} not on the server yet.`,
    kept: 'They stay on this phone and will be sent when you sign in again with a connection.',
    sendFirst: 'Send first, then sign out',
    needsNetwork: 'This phone has no connection, so they cannot be sent now.',
    sending: (n: number) => `Sending… ${n} left.`,
    failed: 'Not sent yet. Try again with a connection, or sign out anyway.',
    anyway: 'Sign out anyway',
    stay: 'Stay',
  },
  othersUnsent: (n: number, who: string) =>
    `This phone still holds ${n} unsent record${n === 1 ? '' : 's'} of ${who}. They need to sign in again with a connection to send them.`,
  someone: 'an earlier user',
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
