import type { Row, Show } from '../define-ui';
import type { SecurityDetails } from './kind';
import type { labels } from './labels';

export function rows(d: SecurityDetails, l: (typeof labels)['en'], show: Show): Row[] {
  return [
    [l.shift, l.shifts[d.shift]],
    [l.route, show(d.route)],
    [l.force, l.forces[d.force]],
    [l.headcount, show(d.headcount)],
    [l.incidentType, l.incidentTypes[d.incidentType]],
    [l.incidentCount, show(d.incidentCount)],
    [l.actionTaken, show(d.actionTaken)],
    [l.escalated, show(d.escalated)],
  ];
}
