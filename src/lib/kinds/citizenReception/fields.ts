import { options, specOf } from '../spec';
import { CASE_FIELDS, RECEPTION_TYPES } from './kind';
import type { labels } from './labels';

export const spec = (l: (typeof labels)['en']) =>
  specOf(
    'rec',
    {
      receptionType: { type: 'select', options: options(RECEPTION_TYPES, l.options.receptionType) },
      chairedBy: { type: 'text' },
      visits: { type: 'number' },
      complaints: { type: 'number' },
      denunciations: { type: 'number' },
      petitions: { type: 'number' },
      reflections: { type: 'number' },
      fields: { type: 'multi', options: options(CASE_FIELDS, l.options.fields) },
      answeredOnSpot: { type: 'number' },
      referred: { type: 'number' },
      replyDue: { type: 'date' },
    },
    l.fields,
    l.errors,
  );
