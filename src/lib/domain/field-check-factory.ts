// Building field-check documents. Used by the repository, fixtures and benchmarks, so every
// document anywhere is made the same way and checked by the same schema.
import { DOC_TYPES } from './constants';
import {
  fieldCheckSchema,
  type FieldCheck,
  type EnvironmentDetails,
  type HamletMeetingDetails,
  type SecurityDetails,
  type FieldCheckKind,
} from './field-check';
import { makeId } from './ids';
import { normalizeStrings } from './normalize';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What a person fills in; everything else is stamped by the app. */
export type FieldCheckInput = DistributiveOmit<
  FieldCheck,
  | '_id'
  | '_rev'
  | 'type'
  | 'schemaVersion'
  | 'status'
  | 'commune'
  | 'author'
  | 'authorRole'
  | 'createdAt'
  | 'updatedAt'
  | 'submittedAt'
>;

export interface Author {
  name: string;
  role: string;
  commune: string;
}

export function emptyDetails(kind: 'environment'): EnvironmentDetails;
export function emptyDetails(kind: 'hamletMeeting'): HamletMeetingDetails;
export function emptyDetails(kind: 'security'): SecurityDetails;
export function emptyDetails(kind: FieldCheckKind): FieldCheck['details'];
export function emptyDetails(kind: FieldCheckKind): FieldCheck['details'] {
  if (kind === 'security')
    return {
      shift: 'night',
      route: '',
      force: 'communePolice',
      headcount: null,
      incidentType: 'none',
      incidentCount: null,
      actionTaken: '',
      escalated: false,
    };
  if (kind === 'environment')
    return {
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
    };
  return {
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
  };
}

export function emptyInput(kind: FieldCheckKind, now: Date): FieldCheckInput {
  return {
    kind,
    details: emptyDetails(kind),
    participants: [],
    hamlet: '',
    place: '',
    gps: null,
    startedAt: now.toISOString(),
    endedAt: null,
    planItems: [],
    findings: '',
    recommendations: '',
    followUp: null,
    note: '',
  } as FieldCheckInput;
}

/** A new draft document (not yet validated: the caller decides how to report problems). */
export function newFieldCheck(input: FieldCheckInput, author: Author, now: Date): FieldCheck {
  const at = now.toISOString();
  return normalizeStrings({
    ...input,
    _id: makeId('check', now, author.name),
    type: DOC_TYPES.fieldCheck,
    schemaVersion: 1,
    status: 'draft',
    commune: author.commune,
    author: author.name,
    authorRole: author.role,
    createdAt: at,
    updatedAt: at,
    submittedAt: null,
  } as FieldCheck);
}

/** The same document with the person's edits applied; identity and authorship unchanged. */
export function editFieldCheck(doc: FieldCheck, input: FieldCheckInput, now: Date): FieldCheck {
  return normalizeStrings({
    ...doc,
    ...input,
    updatedAt: now.toISOString(),
  } as FieldCheck);
}

export function submitFieldCheck(doc: FieldCheck, now: Date): FieldCheck {
  const at = now.toISOString();
  return { ...doc, status: 'submitted', submittedAt: at, updatedAt: at };
}

export const validateFieldCheck = (doc: unknown) => fieldCheckSchema.safeParse(doc);
