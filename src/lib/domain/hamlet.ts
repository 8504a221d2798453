// The commune's hamlets (thôn, bản): data its admin edits, one document per hamlet, so a record's
// hamlet is chosen from a list instead of typed. The id carries the hamlet's key — its name
// without "Thôn"/"Bản", diacritics or case — so "Đồng Tâm" and "Thôn Đồng Tâm" are one hamlet
// even when two admins add it on two phones offline (the second write is the same document).
import { z } from 'zod';
import { DOC_TYPES } from './constants';
import { isoTime, shortText } from './fields';
import { normalizeText, searchKey } from './text';

export const HAMLET_VERSION = 1;

const KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const hamletSchema = z.strictObject({
  _id: z.string().regex(/^hamlet:[a-z0-9-]{1,60}:[a-z0-9-]{1,120}$/),
  _rev: z.string().max(100).optional(),
  type: z.literal(DOC_TYPES.hamlet),
  schemaVersion: z.literal(HAMLET_VERSION),
  commune: shortText.min(1),
  /** As people write it: "Thôn Đồng Tâm", "Bản Khòn Pát". */
  name: z.string().min(1).max(100),
  /** No longer offered for new records (records that name it keep it). */
  retired: z.boolean(),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type Hamlet = z.infer<typeof hamletSchema>;

// What goes before a hamlet's own name; none of it tells two hamlets apart.
const PREFIXES = ['thon', 'ban', 'xom', 'lang', 'khu', 'khoi', 'to dan pho', 'to'];

/** "Thôn  đồng tâm " → "Thôn đồng tâm": NFC, single spaces, the first letter a capital. */
export function hamletName(typed: string): string {
  const s = normalizeText(typed).replace(/\s+/g, ' ').trim();
  return s ? s[0].toLocaleUpperCase('vi') + s.slice(1) : s;
}

/** The key that makes two spellings one hamlet: "Thôn Đồng Tâm", "đồng tâm" → "dong-tam". */
export function hamletKey(name: string): string {
  let s = searchKey(name)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const p of PREFIXES) {
    if (s.startsWith(`${p} `) && s.length > p.length + 1) {
      s = s.slice(p.length + 1);
      break;
    }
  }
  return s.replace(/ /g, '-').slice(0, 120).replace(/-+$/, '');
}

export const hamletId = (commune: string, name: string) => `hamlet:${commune}:${hamletKey(name)}`;

/** Whether a name has anything to key a hamlet by (not only "Thôn", not only signs). */
export const isHamletName = (name: string) => KEY.test(hamletKey(name));

export function newHamlet(commune: string, name: string, now: Date): Hamlet {
  const at = now.toISOString();
  return {
    _id: hamletId(commune, name),
    type: DOC_TYPES.hamlet,
    schemaVersion: HAMLET_VERSION,
    commune,
    name: hamletName(name),
    retired: false,
    createdAt: at,
    updatedAt: at,
  };
}

/** The hamlet of `list` a typed name means, retired or not (null: not on the list). */
export function findHamlet<H extends { _id: string }>(
  list: readonly H[],
  commune: string,
  name: string,
): H | null {
  const id = hamletId(commune, name);
  return list.find((h) => h._id === id) ?? null;
}
