import { options, specOf } from '../spec';
import { FORCES, INCIDENT_TYPES, SHIFTS } from './kind';
import type { labels } from './labels';

export const spec = (l: (typeof labels)['en']) =>
  specOf(
    'sec',
    {
      shift: { type: 'select', options: options(SHIFTS, l.options.shift) },
      route: { type: 'text' },
      force: { type: 'select', options: options(FORCES, l.options.force) },
      headcount: { type: 'number' },
      incidentType: { type: 'select', options: options(INCIDENT_TYPES, l.options.incidentType) },
      incidentCount: { type: 'number' },
      actionTaken: { type: 'textarea' },
      escalated: { type: 'check' },
    },
    l.fields,
    l.errors,
  );
