// The plan on the server: provisioning loads it without ever overwriting an admin's edit, the
// log's validate_doc_update lets people add progress updates only as themselves and never
// change them, only the commune's admin edits plan items, and two devices' offline updates of
// the same item both survive sync.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProgressRepository } from '../../src/lib/data/progress.repo.ts';
import { PlanRepository } from '../../src/lib/data/plan.repo.ts';
import { dbNames } from '../../src/lib/domain/constants.ts';
import { copyPlanToYear, planYearOf } from '../../src/lib/domain/plan-copy.ts';
import { loadPlan2023 } from '../../src/lib/domain/plan-data/index.ts';
import {
  foldProgress,
  newProgressUpdate,
  vietnamDate,
  type ProgressUpdateInput,
} from '../../src/lib/domain/progress.ts';
import { adminCouch, type Couch } from '../../server/provision/couch.ts';
import { ensurePlan, ensureThisYearsPlan, ensureUser } from '../../server/provision/steps.ts';
import { ADMIN, CHAIR, OFFICER, POLICE, officerAuthor } from '../support/fixtures.ts';
import { httpDb, memoryDb } from '../support/pouch.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const LOG = dbNames('hong-phong').log;
const ITEM_ID = 'planItem:hong-phong:2023:2.1.3';
/** 2.1.3: led by the office, the land official (canbo) is a partner. */
const ITEM = loadPlan2023().items.find((i) => i._id === ITEM_ID)!;
/** 2.3.7: led by the chair, with the Fatherland Front; the land official is neither. */
const CHAIR_ITEM = loadPlan2023().items.find((i) => i.code === '2.3.7')!;
const reporter = { ...officerAuthor, position: 'land' as const };

let server: TestServer;
let couch: Couch;

beforeAll(async () => {
  server = await startTestServer();
  couch = adminCouch(server.couchUrl, server.admin);
  await ensureUser(couch, {
    ...ADMIN,
    fullName: 'Quản trị xã',
    role: 'admin',
    commune: 'hong-phong',
  });
});
afterAll(async () => {
  await server?.stop();
});

function input(over: Partial<ProgressUpdateInput> = {}): ProgressUpdateInput {
  return {
    planItemId: ITEM_ID,
    status: 'inProgress',
    percent: 40,
    value: null,
    criterionId: null,
    note: '',
    ...over,
  };
}

/**
 * Writes `docs` the way the app does: on a device, then replicated to the server as `who`.
 * Returns the server's refusals.
 */
async function push(
  who: { name: string; password: string },
  ...docs: Record<string, unknown>[]
): Promise<string[]> {
  const device = memoryDb(who.name);
  for (const doc of docs) await device.put(doc);
  const res = await device.replicate.to(httpDb(server.url, LOG, who));
  return res.errors.map((e) => String((e as { message?: string }).message ?? e));
}

describe('progress updates on the server', () => {
  it('an officer adds one as themselves', async () => {
    const doc = newProgressUpdate(input(), reporter, new Date(), ITEM);
    expect(await push(OFFICER, doc)).toEqual([]);
    expect(await httpDb(server.url, LOG, CHAIR).get(doc._id)).toMatchObject({ author: 'canbo' });
  });

  it('an officer cannot forge another author', async () => {
    const forged = newProgressUpdate(
      input(),
      { name: 'chutich', role: 'chair', commune: 'hong-phong', position: 'chair' },
      new Date(),
      ITEM,
    );
    const errors = await push(OFFICER, forged);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/author must be you/);
  });

  it('nobody edits an existing update, not even its author', async () => {
    const device = memoryDb('phone');
    const remote = httpDb(server.url, LOG, OFFICER);
    const doc = newProgressUpdate(input({ note: 'Lần đầu' }), reporter, new Date(), ITEM);
    const { rev } = await device.put(doc);
    expect((await device.replicate.to(remote)).doc_write_failures).toBe(0);
    await device.put({ ...doc, _rev: rev, status: 'done' });
    const res = await device.replicate.to(remote);
    expect(res.doc_write_failures).toBe(1);
    expect(String((res.errors[0] as { message?: string }).message)).toMatch(/append-only/);
    expect(await remote.get(doc._id)).toMatchObject({ status: 'inProgress' });
  });

  it('an officer cannot claim a role that is not theirs', async () => {
    const doc = newProgressUpdate(input(), { ...reporter, role: 'chair' }, new Date(), ITEM);
    expect((await push(OFFICER, doc))[0]).toMatch(/authorRole is not your role/);
  });

  it('an update cannot sit under another person’s id', async () => {
    const doc = newProgressUpdate(input(), reporter, new Date(), ITEM);
    const planted = { ...doc, _id: doc._id.replace(':canbo:', ':chutich:') };
    expect((await push(OFFICER, planted))[0]).toMatch(/id must carry your name/);
  });

  it('progress updates belong to the commune log, not the police database', async () => {
    const doc = newProgressUpdate(
      input(),
      { name: 'congan', role: 'police', commune: 'hong-phong', position: 'police' },
      new Date(),
      ITEM,
    );
    const device = memoryDb('police-phone');
    await device.put(doc);
    const res = await device.replicate.to(httpDb(server.url, dbNames('hong-phong').police, POLICE));
    expect(res.doc_write_failures).toBe(1);
    expect(String((res.errors[0] as { message?: string }).message)).toMatch(/wrong database/);
  });

  it('only the item’s lead, partners and the chair report on it (issue 12.6)', async () => {
    const onChairItem = newProgressUpdate(
      input({ planItemId: CHAIR_ITEM._id, status: 'done', percent: 100 }),
      reporter,
      new Date(),
      CHAIR_ITEM,
    );
    expect((await push(OFFICER, onChairItem))[0]).toMatch(/only the lead, partners and the chair/);
    // Claiming the item's positions does not help: the position must be the author's own.
    const claimed = { ...onChairItem, authorPosition: 'chair' };
    expect((await push(OFFICER, claimed))[0]).toMatch(/position is not yours/);
    const byChair = newProgressUpdate(
      input({ planItemId: CHAIR_ITEM._id, status: 'done', percent: 100 }),
      { name: 'chutich', role: 'chair', commune: 'hong-phong', position: 'chair' },
      new Date(),
      CHAIR_ITEM,
    );
    expect(await push(CHAIR, byChair)).toEqual([]);
  });

  it('"done" means 100 %, and 100 % means done', async () => {
    const at40 = newProgressUpdate(
      input({ status: 'done', percent: 40 }),
      reporter,
      new Date(),
      ITEM,
    );
    expect((await push(OFFICER, at40))[0]).toMatch(/done means 100 %/);
    const full = newProgressUpdate(
      input({ status: 'inProgress', percent: 100 }),
      reporter,
      new Date(),
      ITEM,
    );
    expect((await push(OFFICER, full))[0]).toMatch(/done means 100 %/);
  });

  it('a bad update is refused by the schema', async () => {
    const doc = { ...newProgressUpdate(input(), reporter, new Date(), ITEM), percent: 140 };
    const errors = await push(OFFICER, doc);
    expect(errors[0]).toMatch(/percent: too large/);
  });
});

describe('plan items on the server', () => {
  it('an officer or the chair cannot write a plan item', async () => {
    for (const who of [OFFICER, CHAIR]) {
      const device = memoryDb(who.name);
      const remote = httpDb(server.url, LOG, who);
      await device.replicate.from(remote, { doc_ids: [ITEM_ID] });
      const item = await device.get<{ title: string }>(ITEM_ID);
      await device.put({ ...item, title: 'Sửa trái phép' });
      await device.put(copyPlanToYear(loadPlan2023(), 2030).items[0]);
      const res = await device.replicate.to(remote);
      expect(res.doc_write_failures, who.name).toBe(2);
      for (const e of res.errors)
        expect(String((e as { message?: string }).message)).toMatch(/role may not write this/);
      expect((await remote.get<{ title: string }>(ITEM_ID)).title).not.toBe('Sửa trái phép');
    }
  });

  it('the admin creates next year’s plan and edits its items', async () => {
    const device = memoryDb('admin');
    const repo = new PlanRepository(device, 'hong-phong');
    await repo.createPlan(copyPlanToYear(loadPlan2023(), 2024));
    const plan = (await repo.current(2024))!;
    const item = (await repo.item(plan, '2.1.3'))!;
    await repo.saveItem({ ...item, title: 'Cải cách thủ tục hành chính năm 2024' });
    const res = await device.replicate.to(httpDb(server.url, LOG, ADMIN));
    expect(res.doc_write_failures).toBe(0);
    const onServer = await httpDb(server.url, LOG, OFFICER).get('planItem:hong-phong:2024:2.1.3');
    expect(onServer).toMatchObject({ title: 'Cải cách thủ tục hành chính năm 2024' });
  });
});

describe('ensurePlan', () => {
  it('never overwrites an item an admin has edited, and loads nothing for another commune', async () => {
    const admin = httpDb(server.url, LOG, ADMIN);
    const edited = await admin.get<{ title: string }>('planItem:hong-phong:2023:2.1.1');
    await admin.put({ ...edited, title: 'Công tác chỉ đạo, điều hành CCHC (đã sửa)' });

    // A corrected seed ships: items nobody touched follow it, the edited one stays.
    const corrected = loadPlan2023();
    for (const item of corrected.items) item.actions = [...item.actions, 'Hành động bổ sung.'];
    expect(await ensurePlan(couch, LOG, 'hong-phong', corrected)).toBe('updated');
    const log = couch.use<{ title: string; actions: string[] }>(LOG);
    expect((await log.get('planItem:hong-phong:2023:2.1.1')).title).toBe(
      'Công tác chỉ đạo, điều hành CCHC (đã sửa)',
    );
    expect((await log.get('planItem:hong-phong:2023:2.1.2')).actions).toContain(
      'Hành động bổ sung.',
    );
    expect(await ensurePlan(couch, LOG, 'hong-phong', corrected)).toBe('unchanged');

    // Another commune's server gets nothing from Hồng Phong's data.
    await couch.db.create('fieldbook-tan-lien');
    expect(await ensurePlan(couch, 'fieldbook-tan-lien', 'tan-lien', loadPlan2023())).toBe(
      'unchanged',
    );
    expect((await couch.use('fieldbook-tan-lien').list()).rows).toHaveLength(0);
  });
});

describe('ensureThisYearsPlan', () => {
  it('a fresh install has this year’s plan with no deadline already past; 2023 stays', async () => {
    const year = planYearOf(new Date());
    const log = couch.use<{ year: number; deadline: string }>(LOG);
    const plan = await log.get(`plan:hong-phong:${year}`);
    expect(plan.deadline >= vietnamDate(new Date())).toBe(true);
    expect((await log.get('plan:hong-phong:2023')).deadline).toBe('2023-11-29');
    // Next year the commune already has a plan of its own: provisioning makes no other.
    expect(await ensureThisYearsPlan(couch, LOG, 'hong-phong', new Date(`${year + 1}-06-01`))).toBe(
      'unchanged',
    );
    await expect(log.get(`plan:hong-phong:${year + 1}`)).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it('an install late in the year gets 31 December; one with only 2023 gets this year', async () => {
    const db = 'fieldbook-seed-check';
    await couch.db.create(db);
    await ensurePlan(couch, db, 'hong-phong', loadPlan2023());
    const at = new Date('2030-12-10T03:00:00Z');
    expect(await ensureThisYearsPlan(couch, db, 'hong-phong', at)).toBe('created');
    const items = await couch.use<{ deadline: string }>(db).list({
      startkey: 'planItem:hong-phong:2030:',
      endkey: 'planItem:hong-phong:2030:\uffff',
      include_docs: true,
    });
    expect(items.rows).toHaveLength(loadPlan2023().items.length);
    expect(items.rows.every((r) => r.doc?.deadline === '2030-12-31')).toBe(true);
    expect(await ensureThisYearsPlan(couch, db, 'hong-phong', at)).toBe('unchanged');
    await couch.db.destroy(db);
  });
});

describe('two devices update the same item offline', () => {
  it('both updates survive sync and both devices fold to the same state', async () => {
    const phone = memoryDb('phone');
    const office = memoryDb('office');
    const phoneRemote = httpDb(server.url, LOG, OFFICER);
    const officeRemote = httpDb(server.url, LOG, CHAIR);
    await phone.replicate.from(phoneRemote);
    await office.replicate.from(officeRemote);

    await new ProgressRepository(phone).add(
      input({ status: 'inProgress', percent: 70, note: 'Điện thoại' }),
      reporter,
      ITEM,
    );
    await new ProgressRepository(office).add(
      input({ status: 'blocked', percent: null, note: 'Văn phòng' }),
      { name: 'chutich', role: 'chair', commune: 'hong-phong', position: 'chair' },
      ITEM,
    );
    await phone.sync(phoneRemote);
    await office.sync(officeRemote);
    await phone.sync(phoneRemote);

    const item = loadPlan2023().items.find((i) => i._id === ITEM_ID)!;
    const now = new Date();
    const statePhone = foldProgress(
      await new ProgressRepository(phone).forItem(ITEM_ID),
      item,
      now,
    );
    const stateOffice = foldProgress(
      await new ProgressRepository(office).forItem(ITEM_ID),
      item,
      now,
    );
    expect(statePhone.history.map((u) => u.note)).toEqual(
      expect.arrayContaining(['Điện thoại', 'Văn phòng']),
    );
    expect(stateOffice).toEqual(statePhone);
  });
});
