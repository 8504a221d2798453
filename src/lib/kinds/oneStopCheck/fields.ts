import { options, specOf } from '../spec';
import { ONE_STOP_CHECK_TYPES } from './kind';
import type { labels } from './labels';

export const spec = (l: (typeof labels)['en']) =>
  specOf(
    'osc',
    {
      checkType: { type: 'select', options: options(ONE_STOP_CHECK_TYPES, l.options.checkType) },
      officerChecked: { type: 'text' },
      punctual: { type: 'tri' },
      badgeWorn: { type: 'tri' },
      attitudeOk: { type: 'tri' },
      proceduresPosted: { type: 'tri' },
      logbookKept: { type: 'tri' },
      dossiersReceived: { type: 'number' },
      dossiersLate: { type: 'number' },
      suggestionBox: { type: 'tri' },
      equipmentOk: { type: 'tri' },
      violations: { type: 'textarea' },
      correctiveAction: { type: 'textarea' },
    },
    l.fields,
    l.errors,
  );
