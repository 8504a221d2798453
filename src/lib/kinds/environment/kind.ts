// Environment check (kiểm tra môi trường): waste collection, collection points, wastewater,
// clean-up campaigns, citizens' self-monitoring reports (plan item 2.3.7).
import { z } from 'zod';
import { count, shortText } from '../../domain/fields';
import { defineKind } from '../define';

export const ENVIRONMENT_ITEMS = [
  'wasteCollection',
  'collectionPoint',
  'wastewater',
  'cleanUp',
  'selfMonitoring',
] as const;

export const environmentDetailsSchema = z.strictObject({
  item: z.enum(ENVIRONMENT_ITEMS),
  householdsChecked: count.nullable(),
  householdsInService: count.nullable(),
  collectionsPerWeek: z.int().min(0).max(21).nullable(),
  collectionPointOk: z.boolean().nullable(),
  pollutionHotspot: z.boolean(),
  cleanUpParticipants: count.nullable(),
  areaM2: z.number().min(0).max(100_000_000).nullable(),
  organisingAssociation: shortText,
  inVillageConvention: z.boolean(),
});
export type EnvironmentDetails = z.infer<typeof environmentDetailsSchema>;

export const environment = defineKind({
  key: 'environment',
  details: environmentDetailsSchema,
  empty: (): EnvironmentDetails => ({
    item: 'wasteCollection',
    householdsChecked: null,
    householdsInService: null,
    collectionsPerWeek: null,
    collectionPointOk: null,
    pollutionHotspot: false,
    cleanUpParticipants: null,
    areaM2: null,
    organisingAssociation: '',
    inVillageConvention: false,
  }),
  db: 'log',
  recorders: ['officer', 'chair', 'viceChair', 'hamletHead'],
});
