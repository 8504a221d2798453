// The UI's strings. Vietnamese is the default; English is the second language.
import { en } from './en';
import { vi, type Messages } from './vi';

export type Locale = 'vi' | 'en';
export const messages: Record<Locale, Messages> = { vi, en };

function initialLocale(): Locale {
  if (typeof localStorage === 'undefined') return 'vi';
  return localStorage.getItem('fieldbook:locale') === 'en' ? 'en' : 'vi';
}

/** The active dictionary. Switching language reloads the page, so this stays a constant. */
export const t: Messages = messages[initialLocale()];
