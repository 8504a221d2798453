// Field types shared by the document schemas and the kinds of field check (src/lib/kinds).
// Every one converts to JSON Schema without loss (no refinements, no transforms), so the
// server's validate_doc_update enforces exactly what the client checks.
import { z } from 'zod';
import { LIMITS } from './constants';

export const shortText = z.string().max(LIMITS.shortText);
export const longText = z.string().max(LIMITS.longText);
export const isoTime = z.iso.datetime();
/** A count of people, households, items: a whole number up to a million. */
export const count = z.int().min(0).max(1_000_000);
/** A calendar day, `YYYY-MM-DD` (a reply due, a posting's first and last day). */
export const isoDate = z.iso.date();
/** A count within one session or check (visits, cases, dossiers): up to ten thousand. */
export const smallCount = z.int().min(0).max(10_000);
/** Several values of a list, each at most once in the form (the list bounds the count). */
export const choices = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values)).max(values.length);
