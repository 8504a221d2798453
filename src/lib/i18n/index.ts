// The UI's strings. Vietnamese is the default; English is the second language.
import { en } from './en';
import { vi, type Messages } from './vi';

export type Locale = 'vi' | 'en';
export const messages: Record<Locale, Messages> = { vi, en };

const LOCALE_KEY = 'fieldbook:locale';

function initialLocale(): Locale {
  if (typeof localStorage === 'undefined') return 'vi';
  return localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'vi';
}

/** The active dictionary. Switching language reloads the page, so this stays a constant. */
export const t: Messages = messages[initialLocale()];

export const locale: Locale = initialLocale();

/** Switches the interface language; the page reloads so every string follows. */
export function switchLocale(next: Locale): void {
  localStorage.setItem(LOCALE_KEY, next);
  location.reload();
}
