import { options, specOf } from '../spec';
import { CASE_FIELDS } from '../citizenReception/kind';
import { FEEDBACK_CHANNELS, REPLY_CHANNELS, SATISFACTION } from './kind';
import type { labels } from './labels';

export const spec = (l: (typeof labels)['en']) =>
  specOf(
    'fb',
    {
      channel: { type: 'select', options: options(FEEDBACK_CHANNELS, l.options.channel) },
      receivedOnline: { type: 'check' },
      receivedOn: { type: 'date' },
      anonymous: { type: 'check' },
      senderName: { type: 'text' },
      field: { type: 'select', options: options(CASE_FIELDS, l.options.field) },
      content: { type: 'textarea' },
      assignedTo: { type: 'text' },
      due: { type: 'date' },
      result: { type: 'textarea' },
      repliedOn: { type: 'date' },
      replyChannel: { type: 'select', options: options(REPLY_CHANNELS, l.options.replyChannel) },
      answeredOnTime: { type: 'tri' },
      satisfaction: { type: 'select', options: options(SATISFACTION, l.options.satisfaction) },
    },
    l.fields,
    l.errors,
    // An anonymous sender has no name to write down.
    { senderName: (d) => !d.anonymous },
  );
