// How a reviewer is named on screen: never a username or a role code. Until the device knows
// people's full names, the Vietnamese title of the role they reviewed as.
import { t } from '$lib/i18n';

const titles = t.admin.roles as Record<string, string>;

export function reviewerName(name: string, role: string): string {
  return titles[role] ?? name;
}
