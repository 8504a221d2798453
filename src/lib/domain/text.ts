// Vietnamese text handling: everything stored is NFC; search ignores diacritics and case.

/** NFC, and "Ð" (U+00D0, Icelandic eth) typed for "Đ" (U+0110) fixed. */
export function normalizeText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\u00d0/g, '\u0110')
    .replace(/\u00f0/g, '\u0111');
}

/** The key a search compares: no diacritics, đ→d, lower case, single spaces. */
export function searchKey(s: string): string {
  return normalizeText(s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function matchesSearch(haystack: string, query: string): boolean {
  const q = searchKey(query);
  return q === '' || searchKey(haystack).includes(q);
}

export const viCollator = new Intl.Collator('vi');
