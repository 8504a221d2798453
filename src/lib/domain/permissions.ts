// Who may write what. Data, not code paths: the client uses it to offer forms, and the same
// table is embedded in the server's validate_doc_update.
import type { FieldCheckKind } from './field-check';
import type { Role } from './roles';

export type DbRole = 'log' | 'police';

export interface KindRule {
  writers: Role[];
  db: DbRole;
}

export const KIND_RULES: Record<FieldCheckKind, KindRule> = {
  environment: { writers: ['officer', 'chair', 'viceChair', 'hamletHead'], db: 'log' },
  hamletMeeting: { writers: ['hamletHead', 'officer', 'chair', 'viceChair'], db: 'log' },
  security: { writers: ['police'], db: 'police' },
};

/** Roles that may read the police database (its _security members). */
export const POLICE_READERS: Role[] = ['police', 'chair'];

/** Roles that may approve or return a submitted record. */
export const REVIEWER_ROLES: Role[] = ['chair', 'viceChair', 'reviewer'];

/** Fields a reviewer's verdict may change on a submitted record; everything else is frozen. */
export const REVIEW_FIELDS = ['status', 'updatedAt', '_rev', '_revisions'] as const;

export function kindsFor(roles: Role[]): FieldCheckKind[] {
  return (Object.keys(KIND_RULES) as FieldCheckKind[]).filter((k) =>
    KIND_RULES[k].writers.some((r) => roles.includes(r)),
  );
}
