import { options, specOf } from '../spec';
import { ENVIRONMENT_ITEMS } from './kind';
import type { labels } from './labels';

export const spec = (l: (typeof labels)['en']) =>
  specOf(
    'env',
    {
      item: { type: 'select', options: options(ENVIRONMENT_ITEMS, l.options.item) },
      householdsChecked: { type: 'number' },
      householdsInService: { type: 'number' },
      collectionsPerWeek: { type: 'number' },
      collectionPointOk: { type: 'tri' },
      pollutionHotspot: { type: 'check' },
      cleanUpParticipants: { type: 'number' },
      areaM2: { type: 'number' },
      organisingAssociation: { type: 'text' },
      inVillageConvention: { type: 'check' },
    },
    l.fields,
    l.errors,
  );
