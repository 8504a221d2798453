// Public disclosure posting check (niêm yết công khai, plan item 2.3.2): what was posted,
// where, from when to when, whether minutes were made and what people said about it.
import { z } from 'zod';
import { choices, isoDate, longText, smallCount } from '../../domain/fields';
import { defineKind } from '../define';

export const DISCLOSURE_CONTENTS = [
  'poorHouseholds',
  'budget',
  'landUsePlan',
  'contributions',
  'hotline',
  'procedures',
  'electionResults',
  'officialsOnDuty',
  'other',
] as const;
export const DISCLOSURE_PLACES = ['communeBoard', 'hamletHouse', 'loudspeaker', 'website'] as const;

export const disclosureDetailsSchema = z.strictObject({
  content: z.enum(DISCLOSURE_CONTENTS),
  places: choices(DISCLOSURE_PLACES),
  postedFrom: isoDate.nullable(),
  postedTo: isoDate.nullable(),
  minutesMade: z.boolean(),
  commentsReceived: smallCount.nullable(),
  commentsSummary: longText,
});
export type DisclosureDetails = z.infer<typeof disclosureDetailsSchema>;

export const disclosure = defineKind({
  key: 'disclosure',
  details: disclosureDetailsSchema,
  empty: (): DisclosureDetails => ({
    content: 'poorHouseholds',
    places: [],
    postedFrom: null,
    postedTo: null,
    minutesMade: false,
    commentsReceived: null,
    commentsSummary: '',
  }),
  db: 'log',
  recorders: ['officer', 'chair', 'viceChair', 'hamletHead'],
});
