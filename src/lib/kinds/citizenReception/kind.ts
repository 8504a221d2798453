// Citizen reception or dialogue (tiếp công dân / đối thoại, plan item 2.3.3): periodic or ad
// hoc reception, or the chair's dialogue with the people. It names citizens and their
// complaints and denunciations, so it lives in the citizens database (docs/privacy.md).
import { z } from 'zod';
import { choices, isoDate, shortText, smallCount } from '../../domain/fields';
import { defineKind } from '../define';

export const RECEPTION_TYPES = ['periodic', 'adHoc', 'chairDialogue'] as const;
export const CASE_FIELDS = [
  'land',
  'environment',
  'construction',
  'socialPolicy',
  'civilStatus',
  'security',
  'publicService',
  'other',
] as const;

export const citizenReceptionDetailsSchema = z.strictObject({
  receptionType: z.enum(RECEPTION_TYPES),
  chairedBy: shortText,
  visits: smallCount.nullable(),
  complaints: smallCount.nullable(),
  denunciations: smallCount.nullable(),
  petitions: smallCount.nullable(),
  reflections: smallCount.nullable(),
  fields: choices(CASE_FIELDS),
  answeredOnSpot: smallCount.nullable(),
  referred: smallCount.nullable(),
  replyDue: isoDate.nullable(),
});
export type CitizenReceptionDetails = z.infer<typeof citizenReceptionDetailsSchema>;

export const citizenReception = defineKind({
  key: 'citizenReception',
  details: citizenReceptionDetailsSchema,
  empty: (): CitizenReceptionDetails => ({
    receptionType: 'periodic',
    chairedBy: '',
    visits: null,
    complaints: null,
    denunciations: null,
    petitions: null,
    reflections: null,
    fields: [],
    answeredOnSpot: null,
    referred: null,
    replyDue: null,
  }),
  db: 'citizens',
  recorders: ['officer', 'chair', 'viceChair'],
});
