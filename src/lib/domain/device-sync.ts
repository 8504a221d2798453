// When a person's device last synced (issue 14.4: the supervisor's dashboard shows it per
// person). Nothing on the server recorded it, so each device keeps one small document of its
// own in the commune log, `devicesync:<user>:<device>`, rewritten by its author after a sync
// (at most every MARK_EVERY_MS), and replicated to every member like the rest of the log.
// The only document an author edits in place: it holds nothing but the time (DEVICE_SYNC_RULE).
import { z } from 'zod';
import { DOC_TYPES } from './constants';
import { isoTime, shortText } from './fields';

export const DEVICE_SYNC_VERSION = 1;

/** A device's id: 8 base-32 characters made once per person on a phone. */
export const DEVICE_ID = /^[a-z0-9]{8}$/;

export const deviceSyncSchema = z.strictObject({
  _id: z.string().regex(/^devicesync:[^:]{1,100}:[a-z0-9]{8}$/),
  _rev: z.string().max(100).optional(),
  type: z.literal(DOC_TYPES.deviceSync),
  schemaVersion: z.literal(DEVICE_SYNC_VERSION),
  commune: shortText.min(1),
  author: shortText.min(1),
  authorRole: shortText.min(1),
  device: z.string().regex(DEVICE_ID),
  /** When every database of the device was last up to date with the server. */
  lastSyncedAt: isoTime,
});
export type DeviceSync = z.infer<typeof deviceSyncSchema>;

/** A sync is noted again only this long after the last one noted (each note is a revision). */
export const MARK_EVERY_MS = 10 * 60_000;

export const deviceSyncId = (user: string, device: string) => `devicesync:${user}:${device}`;
export const isDeviceSyncId = (id: string) => id.startsWith('devicesync:');

export function newDeviceSync(
  author: { name: string; role: string; commune: string },
  device: string,
  at: string,
): DeviceSync {
  return {
    _id: deviceSyncId(author.name, device),
    type: DOC_TYPES.deviceSync,
    schemaVersion: DEVICE_SYNC_VERSION,
    commune: author.commune,
    author: author.name,
    authorRole: author.role,
    device,
    lastSyncedAt: at,
  };
}
