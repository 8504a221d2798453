import { options, specOf } from '../spec';
import { OUTREACH_FORMS, OUTREACH_TOPICS } from './kind';
import type { labels } from './labels';

export const spec = (l: (typeof labels)['en']) =>
  specOf(
    'out',
    {
      topic: { type: 'select', options: options(OUTREACH_TOPICS, l.options.topic) },
      form: { type: 'select', options: options(OUTREACH_FORMS, l.options.form) },
      byWhom: { type: 'text' },
      attendees: { type: 'number' },
      materials: { type: 'number' },
      helpedVneid: { type: 'number' },
      helpedAccounts: { type: 'number' },
      helpedOnlineFiling: { type: 'number' },
      helpedOnlinePayment: { type: 'number' },
    },
    l.fields,
    l.errors,
  );
