// A day of one officer's work with its photos, on the hamlet link (issue 16): 30 records made
// offline, each with one photo of ~250 KB (and its thumbnail), sent when the phone reaches the
// link. The phone is the harness's PhotoPhone: Fieldbook's SyncEngine for the records and for
// the paired photo database, photos held by the app's PhotosAfterRecords until the records are
// up to date, every request on the wire logged (which database, when sent, when answered).
import { gzipSync } from 'node:zlib';
import { dbNames, photosDbName } from '../../../src/lib/domain/constants.ts';
import { OFFICER, officerAuthor } from '../../support/fixtures.ts';
import { serverDocCount, withFreshServer } from '../../support/harness/fresh-server.ts';
import { PhotoPhone } from '../../support/harness/photo-phone.ts';
import { timed } from '../../support/harness/stats.ts';
import type { LinkShape } from '../../support/harness/tcp-proxy.ts';

const LOG = dbNames('hong-phong').log;
const PHOTOS = photosDbName(LOG);
const TIMEOUT_MS = 30 * 60_000;
/** A stored photo after the app's compression is at most ~100 KB; the issue asks for ~250 KB. */
export const DAY_PHOTO_BYTES = 250_000;

export interface PhotoDayRun {
  records: number;
  photos: number;
  /** Records' JSON gzipped, plus the photos' bytes (images and thumbnails, incompressible). */
  payloadBytes: number;
  ms: number;
  up: number;
  down: number;
  /** Payload ÷ bandwidth: the least time the link allows. */
  idealMs: number;
  /** From the start: the last record write answered, and the first photo write answered. */
  lastRecordMs: number;
  firstPhotoMs: number;
  cuts: number;
}

export function photoDay(link: LinkShape, cutRate: number, count = 30): Promise<PhotoDayRun> {
  return withFreshServer(async (s) => {
    const recordsBefore = await serverDocCount(s.server.url, LOG, OFFICER);
    const photosBefore = await serverDocCount(s.server.url, PHOTOS, OFFICER);
    const phone = new PhotoPhone('photo-day', s.proxyUrl, LOG, OFFICER);
    const { checks, photos } = await phone.record(count, officerAuthor, 1, DAY_PHOTO_BYTES);
    // Thumbnails are random bytes too, at most 20 KB (PhotoPhone.record).
    const photoBytes = photos.length * (DAY_PHOTO_BYTES + Math.min(20_000, DAY_PHOTO_BYTES));
    const payloadBytes = gzipSync(JSON.stringify(checks)).length + photoBytes;
    s.proxy.link = link;
    s.proxy.faults = { ...s.proxy.faults, cutRate };
    s.proxy.resetCounters();
    const startedAt = performance.now();
    const [, ms] = await timed(async () => {
      phone.start();
      await PhotoPhone.until(
        async () =>
          (await serverDocCount(s.server.url, LOG, OFFICER)) >= recordsBefore + checks.length &&
          (await serverDocCount(s.server.url, PHOTOS, OFFICER)) >= photosBefore + photos.length,
        TIMEOUT_MS,
        'every record and photo of the day on the server',
      );
    });
    const { recordWrites, photoRequests } = phone.ordering();
    const photoWrites = photoRequests.filter((w) => w.path.endsWith('/_bulk_docs'));
    const answered = (ws: typeof recordWrites) =>
      ws.filter((w) => w.doneAt !== null && w.status !== null && w.status < 300);
    const run: PhotoDayRun = {
      records: checks.length,
      photos: photos.length,
      payloadBytes,
      ms,
      up: s.proxy.bytesUp,
      down: s.proxy.bytesDown,
      idealMs: (payloadBytes * 8 * 1000) / link.bitsPerSecond,
      lastRecordMs: Math.max(...answered(recordWrites).map((w) => w.doneAt!)) - startedAt,
      firstPhotoMs: Math.min(...answered(photoWrites).map((w) => w.doneAt!)) - startedAt,
      cuts: s.proxy.stats.cut,
    };
    await phone.stop();
    return run;
  });
}
