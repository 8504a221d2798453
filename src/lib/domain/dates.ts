// Dates are stored as UTC ISO strings and shown in Asia/Ho_Chi_Minh, dd/mm/yyyy, 24-hour.

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateFmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const timeFmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function formatDate(iso: string | Date): string {
  return dateFmt.format(new Date(iso));
}

export function formatDateTime(iso: string | Date): string {
  const d = new Date(iso);
  return `${timeFmt.format(d)} ${dateFmt.format(d)}`;
}

/** Value for <input type="datetime-local"> in Vietnam time. */
export function toLocalInput(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 7 * 3600_000);
  return d.toISOString().slice(0, 16);
}

/** Inverse of toLocalInput; null for an empty or unreadable value. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const d = new Date(`${value}:00+07:00`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export const nowIso = (): string => new Date().toISOString();
