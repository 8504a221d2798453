import { options, specOf } from '../spec';
import { DISCLOSURE_CONTENTS, DISCLOSURE_PLACES } from './kind';
import type { labels } from './labels';

export const spec = (l: (typeof labels)['en']) =>
  specOf(
    'disc',
    {
      content: { type: 'select', options: options(DISCLOSURE_CONTENTS, l.options.content) },
      places: { type: 'multi', options: options(DISCLOSURE_PLACES, l.options.places) },
      postedFrom: { type: 'date' },
      postedTo: { type: 'date' },
      minutesMade: { type: 'check' },
      commentsReceived: { type: 'number' },
      commentsSummary: { type: 'textarea' },
    },
    l.fields,
    l.errors,
  );
