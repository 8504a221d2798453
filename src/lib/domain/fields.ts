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
