// Sync over the links a commune really has (issue 16): a hamlet's mobile link (256 kbit/s,
// 400 ms round trip, 2 % of connections cut mid-transfer) and the office's shared Wi-Fi
// (10 Mbit/s for 20 phones at once), shaped by the harness's TCP proxy. Phones are Node devices
// running Fieldbook's SyncEngine with the app's compressing fetch, against a fresh server.
import { gzipSync } from 'node:zlib';
import { compressingFetch } from '../../../src/lib/data/compressed-fetch.ts';
import { dbNames } from '../../../src/lib/domain/constants.ts';
import type { FieldCheck } from '../../../src/lib/domain/field-check.ts';
import { OFFICER } from '../../support/fixtures.ts';
import { httpDb } from '../../support/pouch.ts';
import { officer } from '../../support/harness/checks.ts';
import { Device } from '../../support/harness/device.ts';
import { serverDocCount, withFreshServer } from '../../support/harness/fresh-server.ts';
import { timed } from '../../support/harness/stats.ts';
import type { LinkShape } from '../../support/harness/tcp-proxy.ts';
import { photoDay, type PhotoDayRun } from './photo-day.ts';
import { variedChecks } from './varied-records.ts';

const LOG = dbNames('hong-phong').log;
const TIMEOUT_MS = 30 * 60_000;

export const HAMLET_LINK: LinkShape = { bitsPerSecond: 256_000, roundTripMs: 400 };
export const HAMLET_CUT_RATE = 0.02;
export const OFFICE_WIFI: LinkShape = { bitsPerSecond: 10_000_000, roundTripMs: 20 };

export interface LinkRun {
  label: string;
  records: number;
  /** The records' own JSON, and gzipped as one payload: the yardsticks. */
  jsonBytes: number;
  gzipBytes: number;
  ms: number;
  up: number;
  down: number;
  /** Payload ÷ bandwidth: the least time the link allows. */
  idealMs: number | null;
  cuts: number;
}

const json = (docs: object[]) => Buffer.byteLength(JSON.stringify(docs));
const gzipped = (docs: object[]) => gzipSync(JSON.stringify(docs)).length;

type Fetch = (url: string | Request, init?: RequestInit) => Promise<Response>;

/** The app's fetch: gzipped request bodies; answers gzipped by /db (Node's fetch accepts gzip). */
export const phoneFetch: Fetch = compressingFetch();

/** The baseline: nothing compressed either way (what phones did before issue 16). */
export const plainFetch: Fetch = (url, init = {}) => {
  const headers = new Headers(init.headers);
  headers.set('accept-encoding', 'identity');
  return fetch(url, { ...init, headers });
};

/** One officer's day: records made offline, sent when the phone reaches the link. */
export function dayOfWork(
  label: string,
  link: LinkShape | null,
  cutRate: number,
  count = 30,
  fetch: Fetch = phoneFetch,
) {
  const docs = variedChecks(officer('canbo'), count, 16, `day-${label}`);
  return withFreshServer(async (s) => {
    const before = await serverDocCount(s.server.url, LOG, OFFICER);
    const phone = new Device(`link-${label}`, s.proxyUrl, LOG, OFFICER, undefined, fetch);
    // The phone was in sync before the day began (what the server had is on it already).
    phone.start();
    await phone.settled(async () => true, TIMEOUT_MS, 100);
    await phone.stop();
    await phone.local.bulkDocs(docs);
    s.proxy.link = link;
    s.proxy.faults = { ...s.proxy.faults, cutRate };
    s.proxy.resetCounters();
    const [, ms] = await timed(async () => {
      phone.start();
      await phone.settled(
        async () => (await serverDocCount(s.server.url, LOG, OFFICER)) >= before + docs.length,
        TIMEOUT_MS,
        200,
      );
    });
    const run = result(label, docs, ms, s.proxy.bytesUp, s.proxy.bytesDown, link);
    run.cuts = s.proxy.stats.cut;
    await phone.destroy();
    return run;
  });
}

/** A new phone's first sync: the server holds `count` records; the phone pulls them all. */
export function firstSync(
  label: string,
  link: LinkShape | null,
  cutRate: number,
  count = 2000,
  fetch: Fetch = phoneFetch,
) {
  const docs = variedChecks(officer('canbo'), count, 2000, `first-${label}`);
  return withFreshServer(async (s) => {
    await loadServer(s.server.url, docs);
    const phone = new Device(`first-${label}`, s.proxyUrl, LOG, OFFICER, undefined, fetch);
    s.proxy.link = link;
    s.proxy.faults = { ...s.proxy.faults, cutRate };
    s.proxy.resetCounters();
    const [, ms] = await timed(async () => {
      phone.start();
      await phone.settled(async () => (await phone.countChecks()) >= docs.length, TIMEOUT_MS, 200);
    });
    const run = result(label, docs, ms, s.proxy.bytesUp, s.proxy.bytesDown, link);
    run.cuts = s.proxy.stats.cut;
    await phone.destroy();
    return run;
  });
}

/** The office: `phones` phones, each with a day's records, syncing at once over one Wi-Fi. */
export function officeWifi(phones = 20, perPhone = 30) {
  return withFreshServer(async (s) => {
    const before = await serverDocCount(s.server.url, LOG, OFFICER);
    const all: FieldCheck[] = [];
    const devices: Device[] = [];
    for (let i = 0; i < phones; i++) {
      const docs = variedChecks(officer('canbo'), perPhone, 100 + i, `office-${i}`);
      const phone = new Device(`office-${i}`, s.proxyUrl, LOG, OFFICER, undefined, phoneFetch);
      await phone.local.bulkDocs(docs);
      all.push(...docs);
      devices.push(phone);
    }
    s.proxy.link = OFFICE_WIFI;
    s.proxy.resetCounters();
    const [, ms] = await timed(async () => {
      for (const d of devices) d.start();
      await devices[0].settled(
        async () => (await serverDocCount(s.server.url, LOG, OFFICER)) >= before + all.length,
        TIMEOUT_MS,
        200,
      );
    });
    const run = result(
      `office ${phones} phones`,
      all,
      ms,
      s.proxy.bytesUp,
      s.proxy.bytesDown,
      OFFICE_WIFI,
    );
    for (const d of devices) await d.destroy();
    return run;
  });
}

export interface LinkResults {
  firstLocalPlain: LinkRun;
  firstLocal: LinkRun;
  firstHamlet: LinkRun;
  dayPlain: LinkRun;
  day: LinkRun;
  /** The same day with a photo of ~250 KB per record (absent in runs before photos). */
  photoDay?: PhotoDayRun;
  office: LinkRun;
}

/** Every link scenario, in the order the report shows them. */
export async function measureLinks(records = 2000): Promise<LinkResults> {
  return {
    firstLocalPlain: await firstSync('local, uncompressed', null, 0, records, plainFetch),
    firstLocal: await firstSync('local', null, 0, records),
    firstHamlet: await firstSync('hamlet', HAMLET_LINK, HAMLET_CUT_RATE, records),
    dayPlain: await dayOfWork('hamlet, uncompressed', HAMLET_LINK, HAMLET_CUT_RATE, 30, plainFetch),
    day: await dayOfWork('hamlet', HAMLET_LINK, HAMLET_CUT_RATE),
    photoDay: await photoDay(HAMLET_LINK, HAMLET_CUT_RATE),
    office: await officeWifi(),
  };
}

/** Records put on the server directly (not through the link), in the officer's name. */
async function loadServer(serverUrl: string, docs: FieldCheck[]) {
  const remote = httpDb(serverUrl, LOG, OFFICER);
  for (let i = 0; i < docs.length; i += 250) {
    const res = await remote.bulkDocs(docs.slice(i, i + 250));
    const failed = res.filter((r) => 'error' in r && r.error);
    if (failed.length) throw new Error(`loading the server: ${failed.length} refused`);
  }
}

function result(
  label: string,
  docs: object[],
  ms: number,
  up: number,
  down: number,
  link: LinkShape | null,
): LinkRun {
  const gzipBytes = gzipped(docs);
  return {
    label,
    records: docs.length,
    jsonBytes: json(docs),
    gzipBytes,
    ms,
    up,
    down,
    idealMs: link ? (gzipBytes * 8 * 1000) / link.bitsPerSecond : null,
    cuts: 0,
  };
}
