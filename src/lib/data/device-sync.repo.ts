// When each person's devices last synced (domain/device-sync.ts): one document per person and
// device in the commune log, rewritten by its author after a sync, at most every
// MARK_EVERY_MS. The dashboard reads them all: one range read, a few dozen documents.
import {
  MARK_EVERY_MS,
  deviceSyncId,
  isDeviceSyncId,
  deviceSyncSchema,
  newDeviceSync,
  type DeviceSync,
} from '$lib/domain/device-sync';
import { primaryRole } from '$lib/domain/roles';
import { assertAllowed, type Actor } from '$lib/domain/policy';
import { watchIds } from './db-watch';
import { isNotFound, type Db } from './pouch-types';
import { detachedLog, readDoc, readRows, type UnreadableLog } from './read';

const PREFIX = 'devicesync:';

export class DeviceSyncRepository {
  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
    private readonly unreadable: UnreadableLog = detachedLog,
  ) {}

  /**
   * Notes that this device was up to date with the server at `at`; nothing when a later or
   * recent enough time is already noted. Returns the document written, or null.
   */
  async mark(device: string, at: string): Promise<DeviceSync | null> {
    const name = this.actor.name;
    if (!name) return null;
    const id = deviceSyncId(name, device);
    let old: DeviceSync | null = null;
    try {
      old = readDoc(deviceSyncSchema, await this.db.get(id), this.unreadable);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    if (old && Date.parse(at) - Date.parse(old.lastSyncedAt) < MARK_EVERY_MS) return null;
    const role = primaryRole(this.actor, this.actor.commune);
    if (!role) return null;
    const author = { name, role, commune: this.actor.commune };
    const doc = deviceSyncSchema.parse({
      ...newDeviceSync(author, device, at),
      ...(old?._rev ? { _rev: old._rev } : {}),
    });
    assertAllowed(this.actor, old, doc);
    const res = await this.db.put(doc);
    return { ...doc, _rev: res.rev };
  }

  /** Every device's latest noted sync. */
  async all(): Promise<DeviceSync[]> {
    const res = await this.db.allDocs({
      startkey: PREFIX,
      endkey: `${PREFIX}\uffff`,
      include_docs: true,
    });
    return readRows(deviceSyncSchema, res.rows, this.unreadable);
  }

  watch(onChange: () => void): () => void {
    return watchIds(this.db, isDeviceSyncId, onChange);
  }
}
