// Outreach session (tuyên truyền, plan items 2.2.1, 2.3.1, 2.3.8 and IV.5): topic, form, who
// ran it, attendance, materials, and the people helped with VNeID, public-service accounts,
// online filing and online payment (the e-government criteria count these).
import { z } from 'zod';
import { count, shortText, smallCount } from '../../domain/fields';
import { defineKind } from '../define';

export const OUTREACH_TOPICS = [
  'papi',
  'grassrootsDemocracy',
  'digital',
  'environment',
  'law',
  'other',
] as const;
export const OUTREACH_FORMS = ['meeting', 'loudspeaker', 'chatGroup', 'doorToDoor'] as const;

export const outreachDetailsSchema = z.strictObject({
  topic: z.enum(OUTREACH_TOPICS),
  form: z.enum(OUTREACH_FORMS),
  byWhom: shortText,
  attendees: count.nullable(),
  materials: count.nullable(),
  helpedVneid: smallCount.nullable(),
  helpedAccounts: smallCount.nullable(),
  helpedOnlineFiling: smallCount.nullable(),
  helpedOnlinePayment: smallCount.nullable(),
});
export type OutreachDetails = z.infer<typeof outreachDetailsSchema>;

export const outreach = defineKind({
  key: 'outreach',
  details: outreachDetailsSchema,
  empty: (): OutreachDetails => ({
    topic: 'papi',
    form: 'meeting',
    byWhom: '',
    attendees: null,
    materials: null,
    helpedVneid: null,
    helpedAccounts: null,
    helpedOnlineFiling: null,
    helpedOnlinePayment: null,
  }),
  db: 'log',
  recorders: ['officer', 'chair', 'viceChair', 'hamletHead'],
});
