// A patrol or a security incident (tuần tra / vụ việc ANTT). Personal data (Decree 13/2023):
// these records live in the police database, which only police and the chair replicate.
import { z } from 'zod';
import { count, longText, shortText } from '../../domain/fields';
import { defineKind } from '../define';

export const SHIFTS = ['day', 'night'] as const;
export const FORCES = ['communePolice', 'militia', 'securityTeam', 'joint'] as const;
export const INCIDENT_TYPES = ['none', 'criminal', 'publicOrder', 'dispute', 'accident'] as const;

/** The shift a patrol started at `now` belongs to: day from 06:00 to 17:59 in Vietnam (UTC+7). */
export function shiftAt(now: Date): (typeof SHIFTS)[number] {
  const hour = (now.getUTCHours() + 7) % 24;
  return hour >= 6 && hour < 18 ? 'day' : 'night';
}

export const securityDetailsSchema = z.strictObject({
  shift: z.enum(SHIFTS),
  route: shortText,
  force: z.enum(FORCES),
  headcount: count.nullable(),
  incidentType: z.enum(INCIDENT_TYPES),
  incidentCount: count.nullable(),
  actionTaken: longText,
  escalated: z.boolean(),
});
export type SecurityDetails = z.infer<typeof securityDetailsSchema>;

export const security = defineKind({
  key: 'security',
  details: securityDetailsSchema,
  empty: (now: Date = new Date()): SecurityDetails => ({
    shift: shiftAt(now),
    route: '',
    force: 'communePolice',
    headcount: null,
    incidentType: 'none',
    incidentCount: null,
    actionTaken: '',
    escalated: false,
  }),
  db: 'police',
  recorders: ['police'],
});
