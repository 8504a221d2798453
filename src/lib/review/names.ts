// How a reviewer or an author is named on screen: never a username or a role code. The full
// name and the role they acted as ("Hoàng Văn Huân (Chủ tịch UBND xã)"); the role's title
// alone while the device does not know the person yet.
import { personLabel } from '$lib/data/people.svelte';

export function reviewerName(name: string, role: string): string {
  return personLabel(name, role);
}
