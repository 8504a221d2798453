// Every document type, not only field checks: zod and the generated validator (as a server
// admin, so only the shape counts) accept exactly the same documents — a valid one of each
// type, and every single-field mutation of it, one level deep.
import { describe, expect, it } from 'vitest';
import { validatorSource } from '../../server/design/build.ts';
import { photosRole, storeNames, type StoreRole } from '../../src/lib/domain/constants.ts';
import { newHamlet } from '../../src/lib/domain/hamlet.ts';
import { loadPlan2023 } from '../../src/lib/domain/plan-data/index.ts';
import { newProgressUpdate } from '../../src/lib/domain/progress.ts';
import { newReview } from '../../src/lib/domain/review.ts';
import { DOC_SCHEMAS, type SchemaType } from '../../src/lib/domain/schemas.ts';
import { newTask, newTaskEvent } from '../../src/lib/domain/task.ts';
import { newOutcome, newResolution } from '../../src/lib/domain/conflict.ts';
import { newDeviceSync } from '../../src/lib/domain/device-sync.ts';
import { FIELD_CHECK_KINDS, kindOf } from '../../src/lib/kinds/index.ts';
import { makeCheck, officerAuthor } from '../support/fixtures.ts';
import { photoId } from '../../src/lib/domain/photos.ts';

type Doc = Record<string, unknown>;
type Validate = (n: Doc, o: Doc | null, ctx: { name: string; roles: string[] }) => void;
const COMMUNE = 'hong-phong';
const validators = Object.fromEntries(
  (Object.keys(storeNames(COMMUNE)) as StoreRole[]).map((db) => [
    db,
    new Function('return ' + validatorSource(COMMUNE, db))() as Validate,
  ]),
) as Record<StoreRole, Validate>;

const plan = loadPlan2023();
const item = plan.items.find((i) => i.code === '2.1.3')!;
const task = newTask(
  {
    title: 'Kiểm tra lại điểm tập kết rác',
    note: 'Sau mưa lũ',
    assignee: null,
    assigneeGroup: 'position:land',
    due: '2026-05-10',
    hamlet: 'Thôn Nà Cạn',
    planItems: ['2.3.7'],
  },
  { name: 'chutich', role: 'chair', commune: COMMUNE },
  new Date(),
  makeCheck(42)._id,
);
const samples: [string, Doc][] = [
  ...FIELD_CHECK_KINDS.map((k, i): [string, Doc] => [
    `fieldCheck ${k}`,
    makeCheck(i, officerAuthor, k),
  ]),
  [
    'progressUpdate',
    newProgressUpdate(
      {
        planItemId: item._id,
        status: 'inProgress',
        percent: 40,
        value: 12.5,
        criterionId: '2.1.3.a',
        note: 'Đã rà soát',
      },
      { ...officerAuthor, position: 'land' },
      new Date(),
      item,
    ),
  ],
  [
    'review',
    newReview(
      { ...makeCheck(40), _rev: '2-a' },
      { verdict: 'return', comment: 'Bổ sung ảnh' },
      { name: 'chutich', role: 'chair', commune: COMMUNE },
      new Date(),
    ),
  ],
  ['plan', plan.plan as unknown as Doc],
  [
    'photo',
    {
      _id: photoId(makeCheck(1, officerAuthor)._id, 2),
      type: 'photo',
      schemaVersion: 1,
      commune: COMMUNE,
      author: officerAuthor.name,
      authorRole: officerAuthor.role,
      kind: 'environment',
      record: makeCheck(1, officerAuthor)._id,
      slot: 2,
      width: 1600,
      height: 1200,
      createdAt: '2026-01-01T00:00:00.000Z',
      _attachments: {
        image: { content_type: 'image/webp', data: 'UklGRg==' },
        thumb: { content_type: 'image/webp', digest: 'md5-x', length: 4, revpos: 1, stub: true },
      },
    },
  ],
  ['planItem', item as unknown as Doc],
  ['hamlet', newHamlet(COMMUNE, 'Thôn Đồng Tâm', new Date()) as unknown as Doc],
  ['task', task as unknown as Doc],
  [
    'deviceSync',
    newDeviceSync(officerAuthor, 'k3v9q2ma', '2026-11-27T07:15:00.000Z') as unknown as Doc,
  ],
  [
    'conflictResolution',
    newResolution(
      makeCheck(43),
      '2-a',
      [
        { ...makeCheck(43), _rev: '2-a' },
        { ...makeCheck(43), _rev: '2-b', findings: 'khác' },
      ],
      { findings: '2-b' },
      { name: 'chutich', role: 'chair', commune: COMMUNE },
      new Date(),
    ) as unknown as Doc,
  ],
  [
    'conflictOutcome',
    newOutcome(
      newResolution(
        makeCheck(44),
        '2-a',
        [{ ...makeCheck(44), _rev: '2-a' }],
        {},
        { name: 'chutich', role: 'chair', commune: COMMUNE },
        new Date(),
      ),
      'stale',
      'stale',
      null,
      new Date(),
    ) as unknown as Doc,
  ],
  [
    'taskEvent',
    newTaskEvent(
      task,
      { outcome: 'done', recordId: makeCheck(41)._id, reason: '' },
      officerAuthor,
      new Date(),
    ) as unknown as Doc,
  ],
];

function agree(doc: Doc): { zodOk: boolean; serverOk: boolean; reason: string } {
  const schema = DOC_SCHEMAS[doc.type as SchemaType];
  const zodOk = !!schema && schema.safeParse(doc).success && doc.commune === COMMUNE;
  const kindDb = kindOf(String(doc.kind))?.db ?? 'log';
  // Photos live in the paired photo database (issue 16.2).
  const db = doc.type === 'fieldCheck' ? kindDb : doc.type === 'photo' ? photosRole(kindDb) : 'log';
  try {
    validators[db](structuredClone(doc), null, { name: 'admin', roles: ['_admin'] });
    return { zodOk, serverOk: true, reason: 'accepted' };
  } catch (err) {
    const reason = (err as { forbidden?: string }).forbidden;
    if (typeof reason !== 'string') throw err;
    return { zodOk, serverOk: false, reason };
  }
}

const values: unknown[] = [null, '', 'x', 0, -1, 1.5, 1e20, true, [], ['x'], {}, 'x'.repeat(5001)];

describe('zod and the validator agree on every document type', () => {
  it('covers every type', () => {
    expect(new Set(samples.map(([, d]) => d.type))).toEqual(new Set(Object.keys(DOC_SCHEMAS)));
  });

  it.each(samples)('%s: valid, and every single-field mutation', (_name, doc) => {
    expect(agree(doc)).toMatchObject({ zodOk: true, serverOk: true });
    const drift: string[] = [];
    const targets: [string, (v: unknown) => Doc][] = [];
    for (const [k, v] of Object.entries(doc)) {
      targets.push([k, (x) => ({ ...doc, [k]: x })]);
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        for (const inner of Object.keys(v))
          targets.push([`${k}.${inner}`, (x) => ({ ...doc, [k]: { ...(v as Doc), [inner]: x } })]);
      }
    }
    for (const [field, mutate] of targets) {
      for (const value of values) {
        const r = agree(mutate(value));
        if (r.zodOk !== r.serverOk)
          drift.push(
            `${field}=${JSON.stringify(value).slice(0, 20)}: zod ${r.zodOk}, server ${r.reason}`,
          );
      }
    }
    expect(drift).toEqual([]);
  });
});
