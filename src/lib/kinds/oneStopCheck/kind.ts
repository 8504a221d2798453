// One-stop-shop check (kiểm tra Bộ phận một cửa, plan items 2.1.5 and 2.2.2): discipline and
// service of the officials at the commune's reception desk for administrative procedures.
import { z } from 'zod';
import { count, longText, shortText } from '../../domain/fields';
import { defineKind } from '../define';

export const ONE_STOP_CHECK_TYPES = ['scheduled', 'unannounced'] as const;

export const oneStopCheckDetailsSchema = z.strictObject({
  checkType: z.enum(ONE_STOP_CHECK_TYPES),
  officerChecked: shortText,
  punctual: z.boolean().nullable(),
  badgeWorn: z.boolean().nullable(),
  attitudeOk: z.boolean().nullable(),
  proceduresPosted: z.boolean().nullable(),
  logbookKept: z.boolean().nullable(),
  dossiersReceived: count.nullable(),
  dossiersLate: count.nullable(),
  suggestionBox: z.boolean().nullable(),
  equipmentOk: z.boolean().nullable(),
  violations: longText,
  correctiveAction: longText,
});
export type OneStopCheckDetails = z.infer<typeof oneStopCheckDetailsSchema>;

export const oneStopCheck = defineKind({
  key: 'oneStopCheck',
  details: oneStopCheckDetailsSchema,
  empty: (): OneStopCheckDetails => ({
    checkType: 'scheduled',
    officerChecked: '',
    punctual: null,
    badgeWorn: null,
    attitudeOk: null,
    proceduresPosted: null,
    logbookKept: null,
    dossiersReceived: null,
    dossiersLate: null,
    suggestionBox: null,
    equipmentOk: null,
    violations: '',
    correctiveAction: '',
  }),
  db: 'log',
  recorders: ['chair', 'viceChair', 'officer'],
});
