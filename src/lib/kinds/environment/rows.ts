import type { Row, Show } from '../define-ui';
import type { EnvironmentDetails } from './kind';
import type { labels } from './labels';

export function rows(d: EnvironmentDetails, l: (typeof labels)['en'], show: Show): Row[] {
  return [
    [l.item, l.items[d.item]],
    [l.householdsChecked, show(d.householdsChecked)],
    [l.householdsInService, show(d.householdsInService)],
    [l.collectionsPerWeek, show(d.collectionsPerWeek)],
    [l.collectionPointOk, show(d.collectionPointOk)],
    [l.pollutionHotspot, show(d.pollutionHotspot)],
    [l.cleanUpParticipants, show(d.cleanUpParticipants)],
    [l.areaM2, show(d.areaM2)],
    [l.organisingAssociation, show(d.organisingAssociation)],
    [l.inVillageConvention, show(d.inVillageConvention)],
  ];
}
