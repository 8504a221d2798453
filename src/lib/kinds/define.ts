// What a kind of field check is, in one place: its details schema and empty details, the
// database its records live in, the roles that may record it, and (beside this file, by
// convention) its labels and its form and detail components. See src/lib/README.md.
import type { z } from 'zod';
import type { DbRole } from '../domain/constants';
import type { Role } from '../domain/roles';

export interface KindDefinition<K extends string = string, D extends z.ZodType = z.ZodType> {
  key: K;
  /** The shape of `details` for this kind: a strict object without refinements. */
  details: D;
  /** The details of a new, empty form started at `now` (a kind may default by the clock). */
  empty(now?: Date): z.infer<D>;
  /** The database its records live in: police records never reach the commune log. */
  db: DbRole;
  /** Roles that may record it (the policy table takes this from here). */
  recorders: readonly Role[];
}

export const defineKind = <K extends string, D extends z.ZodType>(def: KindDefinition<K, D>) => def;
