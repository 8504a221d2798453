// Puts the benchmark's records on the server the way devices would have: each author's records
// written as that author through the app's /db endpoint (so validate_doc_update checks every
// one), then the chair approves a third of the officer's submitted records, a second revision.
import type { FieldCheck } from '../../../src/lib/domain/field-check.ts';
import { basicAuth, CHAIR, OFFICER } from '../../support/fixtures.ts';
import { benchChair, logRecords } from './records.ts';

export const LOG_DB = 'fieldbook-hong-phong';
// The /db gate takes at most 500 documents a request (server/gate/limits.ts).
const CHUNK = 500;

async function bulk(
  serverUrl: string,
  who: { name: string; password: string },
  docs: object[],
): Promise<{ id: string; rev?: string; error?: string; reason?: string }[]> {
  const res = await fetch(`${serverUrl}/db/${LOG_DB}/_bulk_docs`, {
    method: 'POST',
    headers: { authorization: basicAuth(who), 'content-type': 'application/json' },
    body: JSON.stringify({ docs }),
    signal: AbortSignal.timeout(120_000),
  });
  if (!res.ok) throw new Error(`_bulk_docs: ${res.status} ${await res.text()}`);
  const out = (await res.json()) as { id: string; rev?: string; error?: string; reason?: string }[];
  const failed = out.filter((r) => r.error);
  if (failed.length) throw new Error(`server refused ${failed.length}: ${failed[0].reason}`);
  return out;
}

/** Writes records [from, to) of a log of `total` onto the server; returns how many. */
export async function uploadRecords(
  serverUrl: string,
  from: number,
  to: number,
  total: number,
  salt: string,
): Promise<number> {
  for (let start = from; start < to; start += CHUNK) {
    const docs = logRecords(start, Math.min(to, start + CHUNK), total, salt);
    const byChair = docs.filter((d) => d.author === benchChair.name);
    const byOfficer = docs.filter((d) => d.author !== benchChair.name);
    await bulk(serverUrl, CHAIR, byChair);
    // The embedded server answers a bulk write out of order: match revisions by id.
    const revs = new Map((await bulk(serverUrl, OFFICER, byOfficer)).map((r) => [r.id, r.rev]));
    const approvals = byOfficer.flatMap((d, i): FieldCheck[] =>
      d.status === 'submitted' && i % 3 === 0
        ? [{ ...d, _rev: revs.get(d._id), status: 'approved', updatedAt: d.submittedAt! }]
        : [],
    );
    await bulk(serverUrl, CHAIR, approvals);
  }
  return to - from;
}
