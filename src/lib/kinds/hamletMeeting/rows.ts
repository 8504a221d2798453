import type { Row, Show } from '../define-ui';
import type { HamletMeetingDetails } from './kind';
import type { labels } from './labels';

export function rows(d: HamletMeetingDetails, l: (typeof labels)['en'], show: Show): Row[] {
  return [
    [l.meetingType, l.types[d.meetingType]],
    [l.households, show(d.households)],
    [l.attendees, show(d.attendees)],
    [l.agenda, show(d.agenda)],
    [l.votesFor, show(d.votesFor)],
    [l.votesAgainst, show(d.votesAgainst)],
    [l.votesOther, show(d.votesOther)],
    [l.personElected, show(d.personElected)],
    [l.contributionsAmountVnd, show(d.contributionsAmountVnd)],
    [l.contributionsPurpose, show(d.contributionsPurpose)],
  ];
}
