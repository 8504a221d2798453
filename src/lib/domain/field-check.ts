// A field check: one record of work done in the field. Common fields plus a `details` object
// whose shape depends on `kind`. This module is the single definition used by the forms, the
// local store and (converted to JSON Schema) the server's validate_doc_update.
import { z } from 'zod';
import { DOC_TYPES, LIMITS } from './constants';
import { idPattern } from './ids';

const shortText = z.string().max(LIMITS.shortText);
const longText = z.string().max(LIMITS.longText);
const isoTime = z.iso.datetime();
const count = z.int().min(0).max(1_000_000);

export const FIELD_CHECK_KINDS = ['environment', 'hamletMeeting', 'security'] as const;
export type FieldCheckKind = (typeof FIELD_CHECK_KINDS)[number];

// draft → submitted → approved | returned; a returned record goes back to its author.
export const CHECK_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export const gpsSchema = z.strictObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  accuracy: z.number().min(0).max(100_000),
  capturedAt: isoTime,
});

export const followUpSchema = z.strictObject({
  what: shortText.min(1),
  who: shortText,
  due: isoTime.nullable(),
});

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

export const SHIFTS = ['day', 'night'] as const;
export const FORCES = ['communePolice', 'militia', 'securityTeam', 'joint'] as const;
export const INCIDENT_TYPES = ['none', 'criminal', 'publicOrder', 'dispute', 'accident'] as const;

/** A patrol or a security incident. Personal data (Decree 13/2023): police database only. */
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

const common = {
  _id: z.string().regex(idPattern('check')),
  _rev: z.string().max(100).optional(),
  type: z.literal(DOC_TYPES.fieldCheck),
  schemaVersion: z.literal(1),
  status: z.enum(CHECK_STATUSES),
  commune: shortText.min(1),
  author: shortText.min(1),
  authorRole: shortText.min(1),
  participants: z.array(shortText).max(LIMITS.listItems),
  hamlet: shortText.min(1),
  place: shortText,
  gps: gpsSchema.nullable(),
  startedAt: isoTime,
  endedAt: isoTime.nullable(),
  planItems: z.array(z.string().regex(/^\d+(\.\d+){0,3}$/)).max(LIMITS.listItems),
  findings: longText,
  recommendations: longText,
  followUp: followUpSchema.nullable(),
  note: longText,
  createdAt: isoTime,
  updatedAt: isoTime,
  submittedAt: isoTime.nullable(),
};

export const environmentCheckSchema = z.strictObject({
  ...common,
  kind: z.literal('environment'),
  details: environmentDetailsSchema,
});

export const hamletMeetingCheckSchema = z.strictObject({
  ...common,
  kind: z.literal('hamletMeeting'),
  details: hamletMeetingDetailsSchema,
});

export const securityCheckSchema = z.strictObject({
  ...common,
  kind: z.literal('security'),
  details: securityDetailsSchema,
});

export const fieldCheckSchema = z.discriminatedUnion('kind', [
  environmentCheckSchema,
  hamletMeetingCheckSchema,
  securityCheckSchema,
]);

export type FieldCheck = z.infer<typeof fieldCheckSchema>;
export type EnvironmentDetails = z.infer<typeof environmentDetailsSchema>;
export type HamletMeetingDetails = z.infer<typeof hamletMeetingDetailsSchema>;
export type SecurityDetails = z.infer<typeof securityDetailsSchema>;
export type FieldCheckDetails = FieldCheck['details'];
