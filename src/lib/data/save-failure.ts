// One sentence for a save that failed, used by every form that writes what a person typed
// (issue 15.4): a full phone (IndexedDB's or localStorage's QuotaExceededError) says so in the
// same words everywhere, and any other failure gets the form's own sentence. The form keeps
// what was typed.
import { t } from '$lib/i18n';
import { isQuotaError } from './quota';
import { storage } from './storage.svelte';
import { reopenAfterFullDisk } from './workspace.svelte';

/**
 * The sentence to show. On a full disk the storage figures are read again (the warning on
 * every screen shows) and, when the write went through PouchDB (whose IndexedDB adapter then
 * closes the database for good), the person's databases are opened anew before this resolves:
 * the form stays busy meanwhile, and the save can be repeated once there is room.
 */
export async function saveFailure(err: unknown, otherwise: string): Promise<string> {
  if (!isQuotaError(err)) return otherwise;
  void storage.refresh();
  if (typeof (err as { status?: unknown }).status === 'number') await reopenAfterFullDisk();
  return t.storage.quota;
}
