// A record edited on two devices, resolved by a supervisor over the real server. The chair
// writes only a resolution (every version in full, the picks); the server checks it against
// the record's current leaves and applies it as admin, so nothing a person writes reaches
// someone else's record: a forged resolution, a resolution whose copies were altered, one
// naming stale versions and a chair's direct edit all change nothing.
import { describe, expect, it } from 'vitest';
import { ConflictRepository } from '../../src/lib/data/conflicts.repo.ts';
import { FieldCheckRepository } from '../../src/lib/data/field-checks.repo.ts';
import { compareVersions, newResolution, outcomeIdOf } from '../../src/lib/domain/conflict.ts';
import { dbNames } from '../../src/lib/domain/constants.ts';
import { emptyInput, type Author } from '../../src/lib/domain/field-check-factory.ts';
import type { FieldCheckKind } from '../../src/lib/kinds/index.ts';
import type { FieldCheck } from '../../src/lib/domain/field-check.ts';
import type { Db } from '../../src/lib/data/pouch-types.ts';
import { CHAIR, OFFICER, POLICE, basicAuth, officerAuthor } from '../support/fixtures.ts';
import { httpDb, memoryDb } from '../support/pouch.ts';
import { rmSync } from 'node:fs';
import { startTestServer, useTestServer, type TestServer } from '../support/server.ts';

const server = useTestServer();
const LOG = dbNames('hong-phong').log;
const chair = { name: 'chutich', role: 'chair', commune: 'hong-phong' };
const chairActor = { name: 'chutich', roles: ['chair@hong-phong'], commune: 'hong-phong' };

const asOfficer = () => httpDb(server.url, LOG, OFFICER);
const asChair = () => httpDb(server.url, LOG, CHAIR);

async function put(who: typeof OFFICER, doc: Record<string, unknown>) {
  const res = await fetch(`${server.url}/db/${LOG}/${encodeURIComponent(String(doc._id))}`, {
    method: 'PUT',
    headers: { authorization: basicAuth(who), 'content-type': 'application/json' },
    body: JSON.stringify(doc),
  });
  return { status: res.status, reason: ((await res.json()) as { reason?: string }).reason ?? '' };
}

/** As admin: the record's current leaves and a document. */
async function adminGet(path: string): Promise<unknown> {
  const a = server.admin;
  const res = await fetch(`${server.couchUrl}/${LOG}/${path}`, {
    headers: { authorization: basicAuth(a), accept: 'application/json' },
  });
  return res.status === 404 ? null : res.json();
}
const leavesOn = async (id: string) =>
  ((await adminGet(`${encodeURIComponent(id)}?open_revs=all`)) as { ok?: FieldCheck }[]).flatMap(
    (r) => (r.ok && !(r.ok as { _deleted?: boolean })._deleted ? [r.ok] : []),
  );

type Who = typeof OFFICER;
/** What each device writes into its version. */
type Edit = { findings: string; note?: string };

/**
 * A draft made on a phone and synced to a second device; then, while apart, each device saves
 * its own edit (the phone may send its version for review): one record, two versions.
 */
async function twoDevices({
  remote = (who) => httpDb(server.url, LOG, who),
  who = OFFICER,
  author = officerAuthor,
  kind = 'environment',
  ...o
}: {
  /** Where the devices sync (default: the commune log on the test server), and as whom. */
  remote?: (who: Who) => Db;
  who?: Who;
  author?: Author;
  kind?: FieldCheckKind;
  hamlet: string;
  place?: string;
  phone: Edit;
  office: Edit;
  send?: boolean;
}) {
  const phone = memoryDb('phone');
  const office = memoryDb('office');
  const phoneRepo = new FieldCheckRepository(phone);
  const officeRepo = new FieldCheckRepository(office);
  const input = emptyInput(kind, new Date());
  input.hamlet = o.hamlet;
  if (o.place) input.place = o.place;
  const draft = await phoneRepo.createDraft(input, author);
  await phone.sync(remote(who));
  await office.sync(remote(who));
  const saved = await phoneRepo.saveDraft(draft, { ...input, ...o.phone });
  const sent = o.send ? await phoneRepo.submit(saved) : null;
  await officeRepo.saveDraft((await officeRepo.get(draft._id))!, { ...input, ...o.office });
  await phone.sync(remote(who));
  await office.sync(remote(who));
  return { id: draft._id, input, phone, office, phoneRepo, officeRepo, sent };
}

/** The officer's draft in the commune log, edited on a phone and at the office while apart. */
const conflicted = (place: string) =>
  twoDevices({
    hamlet: 'Thôn Pò Nhùng',
    place,
    phone: { findings: 'Ghi trên điện thoại', note: 'Bãi A' },
    office: { findings: 'Ghi ở văn phòng', note: 'Bãi B' },
  });

/** The chair's device, synced with `remote` (the commune log unless told). */
async function chairDesk(
  remote: (who: Who) => Db = asChair,
): Promise<{ desk: Db; conflicts: ConflictRepository }> {
  const desk = memoryDb('chair');
  await desk.sync(remote(CHAIR));
  return { desk, conflicts: new ConflictRepository(desk, undefined, chairActor) };
}

describe('a conflict resolved by a supervisor, applied by the server', () => {
  it('merges field by field with every version kept; a chair still cannot edit the record', async () => {
    const c = await conflicted('Điểm 1');
    const { desk, conflicts } = await chairDesk();
    await expect.poll(async () => (await conflicts.list()).length).toBe(1);
    const versions = await conflicts.versions(c.id);
    expect(versions).toHaveLength(2);
    const differs = compareVersions(versions)
      .filter((r) => r.differs)
      .map((r) => r.path);
    expect(differs.sort()).toEqual(['findings', 'note']);
    const phoneV = versions.find((v) => v.findings === 'Ghi trên điện thoại')!;
    const officeV = versions.find((v) => v.findings === 'Ghi ở văn phòng')!;

    // The chair writing the record itself is refused, as for any record of someone else.
    const direct = await put(CHAIR, { ...versions[0], findings: 'Chủ tịch tự sửa' });
    expect(direct.status).toBe(403);
    expect(direct.reason).toContain('(not your record)');
    // An officer may not write a resolution, even of their own record, nor an outcome.
    const keepFirst = (by: Author) =>
      newResolution(versions[0], versions[0]._rev!, versions, {}, by, new Date());
    const forged = keepFirst(officerAuthor);
    expect((await put(OFFICER, forged)).reason).toContain('(not a resolver)');
    // Nor one in the chair's name.
    const asTheChair = keepFirst(chair);
    expect((await put(OFFICER, asTheChair)).reason).toContain('(author must be you)');
    const outcome = { _id: outcomeIdOf(forged._id), type: 'conflictOutcome' };
    expect((await put(OFFICER, outcome)).status).toBe(403);

    // The chair picks the office's findings and the phone's note, onto the winning version.
    const resolution = await conflicts.resolve(
      c.id,
      versions.map((v) => v._rev!),
      versions[0]._rev!,
      { findings: officeV._rev!, note: phoneV._rev! },
      chair,
    );
    expect(resolution).not.toBeNull();
    expect((await conflicts.stateOf(c.id, versions)).state).toBe('pending');
    await desk.sync(asChair());
    await server.conflicts.idle();

    const leaves = await leavesOn(c.id);
    expect(leaves).toHaveLength(1);
    expect([leaves[0].findings, leaves[0].note]).toEqual(['Ghi ở văn phòng', 'Bãi A']);
    expect([leaves[0].author, leaves[0].status]).toEqual(['canbo', 'draft']);
    const applied = (await adminGet(encodeURIComponent(outcomeIdOf(resolution!._id)))) as {
      result: string;
      appliedRev: string;
    };
    expect(applied.result).toBe('applied');
    expect(applied.appliedRev).toBe(leaves[0]._rev);
    // The removed version's tombstone names the resolution.
    const loser = versions.find((v) => v._rev !== versions[0]._rev)!;
    const all = (await adminGet(`${encodeURIComponent(c.id)}?open_revs=all`)) as {
      ok: Record<string, unknown>;
    }[];
    const tomb = all.map((r) => r.ok).find((d) => d._deleted)!;
    expect(tomb.resolvedBy).toBe(resolution!._id);
    expect(Number(String(tomb._rev).split('-')[0])).toBe(Number(loser._rev!.split('-')[0]) + 1);

    // Both devices end with the merged record; nothing lost: the resolution, readable by the
    // officer too, holds both versions in full.
    for (const [db, repo] of [
      [c.phone, c.phoneRepo],
      [c.office, c.officeRepo],
    ] as const) {
      await db.sync(asOfficer());
      const doc = (await repo.get(c.id))!;
      expect([doc.findings, doc.note]).toEqual(['Ghi ở văn phòng', 'Bãi A']);
      expect(await repo.conflictsOf(c.id)).toEqual([]);
    }
    const onServer = new ConflictRepository(asOfficer());
    const [kept] = await onServer.resolutionsOf(c.id);
    expect(kept.versions).toEqual(versions.map((v) => ({ ...v })));
    await desk.sync(asChair());
    expect(await conflicts.list()).toEqual([]);
  });

  it('refuses a resolution whose copies were altered, and leaves one naming stale versions unapplied', async () => {
    const c = await conflicted('Điểm 2');
    const { desk, conflicts } = await chairDesk();
    const versions = await conflicts.versions(c.id);
    expect(versions).toHaveLength(2);
    const revs = versions.map((v) => v._rev!);

    // A copy altered to slip in content nobody wrote: refused, the record untouched.
    const altered = newResolution(
      versions[0],
      revs[0],
      versions.map((v, i) => (i === 1 ? { ...v, findings: 'Chủ tịch viết thêm' } : v)),
      { findings: revs[1] },
      chair,
      new Date(),
    );
    expect((await put(CHAIR, altered)).status).toBe(201);
    await server.conflicts.idle();
    const refused = (await adminGet(encodeURIComponent(outcomeIdOf(altered._id)))) as {
      result: string;
      reason: string;
    };
    expect([refused.result, refused.reason]).toEqual(['refused', 'mismatch']);
    expect((await leavesOn(c.id)).map((l) => l._rev).sort()).toEqual([...revs].sort());

    // The chair resolves offline; meanwhile the phone edits again: the versions named are stale.
    const resolution = await conflicts.resolve(c.id, revs, revs[0], { note: revs[1] }, chair);
    expect(resolution).not.toBeNull();
    const mine = (await c.phoneRepo.get(c.id))!;
    await c.phoneRepo.saveDraft(mine, { ...c.input, findings: 'Sửa lần nữa', note: mine.note });
    await c.phone.sync(asOfficer());
    await desk.sync(asChair());
    await server.conflicts.idle();
    const stale = (await adminGet(encodeURIComponent(outcomeIdOf(resolution!._id)))) as {
      result: string;
    };
    expect(stale.result).toBe('stale');
    const now = await leavesOn(c.id);
    expect(now).toHaveLength(2);
    expect(now.map((l) => l.findings).sort()).toEqual(['Ghi ở văn phòng', 'Sửa lần nữa'].sort());
    // The chair's screen says it must be redone.
    await desk.sync(asChair());
    const [listed] = await conflicts.list();
    expect(listed.status).toEqual({ state: 'redo', reason: 'stale' });

    // A restarted sweep changes nothing (each resolution has its outcome).
    await server.conflicts.sweep();
    expect((await leavesOn(c.id)).length).toBe(2);
  });
});

describe('a conflict between a version sent for review and a draft', () => {
  it('is merged onto the sent version by the server alone, which keeps it waiting for review', async () => {
    const c = await twoDevices({
      hamlet: 'Thôn Nà Pàn',
      phone: { findings: 'Gửi duyệt' },
      office: { findings: 'Nháp ở văn phòng', note: 'Bổ sung số hộ' },
      send: true,
    });
    const sent = c.sent!;
    const draft = { _id: c.id };
    const { desk, conflicts } = await chairDesk();
    const versions = await conflicts.versions(draft._id);
    expect(versions.map((v) => v.status).sort()).toEqual(['draft', 'submitted']);
    const officeV = versions.find((v) => v.status === 'draft')!;
    // Nobody but the server writes content onto a sent record: not its author either.
    const byAuthor = await put(OFFICER, { ...sent, note: 'Bổ sung số hộ' });
    expect(byAuthor.status).toBe(403);

    await conflicts.resolve(
      draft._id,
      [sent._rev!, officeV._rev!],
      sent._rev!,
      { note: officeV._rev! },
      chair,
    );
    await desk.sync(asChair());
    await server.conflicts.idle();
    const [merged] = await leavesOn(draft._id);
    expect((await leavesOn(draft._id)).length).toBe(1);
    expect([merged.status, merged.findings, merged.note]).toEqual([
      'submitted',
      'Gửi duyệt',
      'Bổ sung số hộ',
    ]);
  });
});

describe('a conflict in the police database', () => {
  it('is resolved there by the chair, who reads police records', async () => {
    const POLICE_DB = dbNames('hong-phong').police;
    const police = { name: 'congan', role: 'police', commune: 'hong-phong' };
    const remote = (who: typeof OFFICER) => httpDb(server.url, POLICE_DB, who);
    const c = await twoDevices({
      remote,
      who: POLICE,
      author: police,
      kind: 'security',
      hamlet: 'Thôn Nà Pàn',
      phone: { findings: 'Tuần tra đêm' },
      office: { findings: 'Tuần tra sáng' },
    });
    const draft = { _id: c.id };
    const { desk, conflicts } = await chairDesk(remote);
    const versions = await conflicts.versions(draft._id);
    expect(versions).toHaveLength(2);
    const night = versions.find((v) => v.findings === 'Tuần tra đêm')!;
    await conflicts.resolve(
      draft._id,
      versions.map((v) => v._rev!),
      night._rev!,
      {},
      chair,
    );
    await desk.sync(remote(CHAIR));
    await server.conflicts.idle();
    await c.office.sync(remote(POLICE));
    expect((await c.officeRepo.get(draft._id))?.findings).toBe('Tuần tra đêm');
    expect(await c.officeRepo.conflictsOf(draft._id)).toEqual([]);
  });
});

describe('a resolution the server has not applied yet', () => {
  it('is applied at the next start', async () => {
    const first = await startTestServer();
    let second: TestServer | null = null;
    try {
      const remote = (who: typeof OFFICER, s: TestServer) => httpDb(s.url, LOG, who);
      const c = await twoDevices({
        remote: (who) => remote(who, first),
        hamlet: 'Thôn Pò Nhùng',
        phone: { findings: 'Bản A' },
        office: { findings: 'Bản B' },
      });
      const draft = { _id: c.id };
      const { conflicts } = await chairDesk((who) => remote(who, first));
      const versions = await conflicts.versions(draft._id);
      const keep = versions.find((v) => v.findings === 'Bản B')!;
      // Stored straight into the database (as if the server stopped before applying it).
      const resolution = newResolution(keep, keep._rev!, versions, {}, chair, new Date());
      const put = await fetch(`${first.couchUrl}/${LOG}/${encodeURIComponent(resolution._id)}`, {
        method: 'PUT',
        headers: { authorization: basicAuth(first.admin), 'content-type': 'application/json' },
        body: JSON.stringify(resolution),
      });
      expect(put.status).toBe(201);
      await first.close();
      second = await startTestServer(first.dataDir);
      await c.phone.sync(remote(OFFICER, second));
      expect((await c.phoneRepo.get(draft._id))?.findings).toBe('Bản B');
      expect(await c.phoneRepo.conflictsOf(draft._id)).toEqual([]);
    } finally {
      await second?.stop();
      if (second === null) await first.stop();
      else rmSync(first.dataDir, { recursive: true, force: true });
    }
  });
});
