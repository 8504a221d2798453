// Citizen feedback handled (phản ánh kiến nghị, plan items 2.2.2 and 2.3.8). "Received online"
// and "answered on time" feed the plan's 100 % criterion for online feedback. It names the
// sender, so it lives in the citizens database (docs/privacy.md).
import { z } from 'zod';
import { isoDate, longText, shortText } from '../../domain/fields';
import { defineKind } from '../define';
import { CASE_FIELDS } from '../citizenReception/kind';

export const FEEDBACK_CHANNELS = [
  'inPerson',
  'hotline',
  'box',
  'website',
  'publicServicePortal',
  'chat',
  'app',
] as const;
export const REPLY_CHANNELS = [
  'notYet',
  'inPerson',
  'letter',
  'phone',
  'website',
  'publicServicePortal',
  'publicNotice',
] as const;
export const SATISFACTION = ['unknown', 'satisfied', 'neutral', 'unsatisfied'] as const;

export const citizenFeedbackDetailsSchema = z.strictObject({
  channel: z.enum(FEEDBACK_CHANNELS),
  receivedOnline: z.boolean(),
  receivedOn: isoDate.nullable(),
  anonymous: z.boolean(),
  senderName: shortText,
  field: z.enum(CASE_FIELDS),
  content: longText,
  assignedTo: shortText,
  due: isoDate.nullable(),
  result: longText,
  repliedOn: isoDate.nullable(),
  replyChannel: z.enum(REPLY_CHANNELS),
  answeredOnTime: z.boolean().nullable(),
  satisfaction: z.enum(SATISFACTION),
});
export type CitizenFeedbackDetails = z.infer<typeof citizenFeedbackDetailsSchema>;

export const citizenFeedback = defineKind({
  key: 'citizenFeedback',
  details: citizenFeedbackDetailsSchema,
  empty: (): CitizenFeedbackDetails => ({
    channel: 'inPerson',
    receivedOnline: false,
    receivedOn: null,
    anonymous: false,
    senderName: '',
    field: 'land',
    content: '',
    assignedTo: '',
    due: null,
    result: '',
    repliedOn: null,
    replyChannel: 'notYet',
    answeredOnTime: null,
    satisfaction: 'unknown',
  }),
  db: 'citizens',
  recorders: ['officer', 'chair', 'viceChair'],
});
