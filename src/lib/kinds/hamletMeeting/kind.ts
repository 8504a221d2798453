// Hamlet meeting (họp thôn), including elections of hamlet heads and agreed contributions.
import { z } from 'zod';
import { count, longText, shortText } from '../../domain/fields';
import { defineKind } from '../define';

export const MEETING_TYPES = ['regular', 'election', 'extraordinary'] as const;

export const hamletMeetingDetailsSchema = z.strictObject({
  meetingType: z.enum(MEETING_TYPES),
  households: count.nullable(),
  attendees: count.nullable(),
  agenda: longText,
  votesFor: count.nullable(),
  votesAgainst: count.nullable(),
  votesOther: count.nullable(),
  personElected: shortText,
  contributionsAmountVnd: z.int().min(0).max(1e13).nullable(),
  contributionsPurpose: shortText,
});
export type HamletMeetingDetails = z.infer<typeof hamletMeetingDetailsSchema>;

export const hamletMeeting = defineKind({
  key: 'hamletMeeting',
  details: hamletMeetingDetailsSchema,
  empty: (): HamletMeetingDetails => ({
    meetingType: 'regular',
    households: null,
    attendees: null,
    agenda: '',
    votesFor: null,
    votesAgainst: null,
    votesOther: null,
    personElected: '',
    contributionsAmountVnd: null,
    contributionsPurpose: '',
  }),
  db: 'log',
  recorders: ['hamletHead', 'officer', 'chair', 'viceChair'],
});
