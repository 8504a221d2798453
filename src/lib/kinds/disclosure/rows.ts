import type { Row, Show } from '../define-ui';
import { specRows } from '../spec';
import { spec } from './fields';
import type { DisclosureDetails } from './kind';
import type { labels } from './labels';

export const rows = (d: DisclosureDetails, l: (typeof labels)['en'], show: Show): Row[] =>
  specRows(spec(l), d, show);
