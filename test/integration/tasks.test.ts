// Tasks against the running server over HTTP (/db): who may assign and who may close is
// enforced by the server's validator (the policy table's TASK_RULE), not only by the screens;
// tasks and their events are append-only; a record's follow-up becomes its author's task.
import { beforeAll, describe, expect, it } from 'vitest';
import { dbNames } from '../../src/lib/domain/constants.ts';
import type { Author } from '../../src/lib/domain/field-check-factory.ts';
import { newTask, newTaskEvent, type Task, type TaskInput } from '../../src/lib/domain/task.ts';
import { adminCouch } from '../../server/provision/couch.ts';
import { ensureUser } from '../../server/provision/steps.ts';
import { ACTORS, authorOf, COMMUNE } from '../fixtures/hostile-docs.ts';
import { makeCheck } from '../support/fixtures.ts';
import { useTestServer } from '../support/server.ts';

const server = useTestServer();
const LOG = dbNames(COMMUNE).log;
type Who = 'officer' | 'officer2' | 'chair' | 'reviewer' | 'hamletHead';

beforeAll(async () => {
  const couch = adminCouch(server.couchUrl, server.admin);
  for (const who of ['officer2', 'reviewer', 'hamletHead'] as const)
    await ensureUser(couch, ACTORS[who]);
});

async function put(who: Who, doc: { _id: string; [k: string]: unknown }) {
  const { name, password } = ACTORS[who];
  const res = await fetch(`${server.url}/db/${LOG}/${encodeURIComponent(doc._id)}`, {
    method: 'PUT',
    headers: {
      authorization: 'Basic ' + Buffer.from(`${name}:${password}`).toString('base64'),
      'content-type': 'application/json',
    },
    body: JSON.stringify(doc),
  });
  const body = (await res.json()) as { reason?: string; rev?: string };
  return { status: res.status, reason: body.reason ?? '', rev: body.rev ?? '' };
}

const by = (who: Who) => authorOf(who) as Author;
const input = (patch: Partial<TaskInput> = {}): TaskInput => ({
  title: 'Kiểm tra lại điểm tập kết rác thôn Nà Cạn',
  note: '',
  assignee: ACTORS.officer.name,
  assigneeGroup: null,
  due: '2026-05-10',
  hamlet: 'Thôn Nà Cạn',
  planItems: ['2.3.7'],
  ...patch,
});
let clock = Date.UTC(2026, 4, 1);
const now = () => new Date((clock += 1000));

describe('the server enforces who assigns and who closes tasks', () => {
  let task: Task;

  it('lets the chair and a reviewer assign, refuses an officer and a hamlet head', async () => {
    task = newTask(input(), by('chair'), now());
    expect((await put('chair', task)).status).toBe(201);
    const byReviewer = newTask(
      input({ assignee: null, assigneeGroup: 'position:land' }),
      by('reviewer'),
      now(),
    );
    expect((await put('reviewer', byReviewer)).status).toBe(201);
    for (const who of ['officer', 'hamletHead'] as const) {
      const res = await put(who, newTask(input(), by(who), now()));
      expect(res.status, who).toBe(403);
      expect(res.reason).toContain('Chỉ lãnh đạo xã và người duyệt mới giao việc được.');
    }
    // Nobody to do it: refused even for the chair.
    const nobody = newTask(input({ assignee: null }), by('chair'), now());
    expect((await put('chair', nobody)).reason).toContain('(no assignee)');
  });

  it('lets only the assignee (or their position) close, with a record or a reason', async () => {
    const record = makeCheck(1, by('officer'));
    const done = newTaskEvent(
      task,
      { outcome: 'done', recordId: record._id, reason: '' },
      by('officer2'),
      now(),
    );
    const refused = await put('officer2', done);
    expect(refused.status).toBe(403);
    expect(refused.reason).toContain('(not the assignee)');
    // A forged copy of the assignee lets the event in, but it names another task's people:
    // the fold ignores it (unit test); the server still wants the closer to be the named one.
    const noProof = newTaskEvent(
      task,
      { outcome: 'done', recordId: null, reason: '' },
      by('officer'),
      now(),
    );
    expect((await put('officer', noProof)).reason).toContain('(a record is needed)');
    const noReason = newTaskEvent(
      task,
      { outcome: 'notDone', recordId: null, reason: ' ' },
      by('officer'),
      now(),
    );
    expect((await put('officer', noReason)).reason).toContain('(a reason is needed)');
    const ok = newTaskEvent(
      task,
      { outcome: 'done', recordId: record._id, reason: '' },
      by('officer'),
      now(),
    );
    const stored = await put('officer', ok);
    expect(stored.status).toBe(201);
    // Append-only: neither the event nor the task can be changed afterwards.
    expect((await put('officer', { ...ok, _rev: stored.rev, reason: 'sửa' })).status).toBe(403);
  });

  it('lets a holder of the assigned position close a task given to the position', async () => {
    const toLand = newTask(
      input({ assignee: null, assigneeGroup: 'position:land' }),
      by('chair'),
      now(),
    );
    expect((await put('chair', toLand)).status).toBe(201);
    const notLand = newTaskEvent(
      toLand,
      { outcome: 'notDone', recordId: null, reason: 'Mưa lũ, chưa vào được thôn.' },
      by('officer2'),
      now(),
    );
    expect((await put('officer2', notLand)).status).toBe(403);
    const land = newTaskEvent(
      toLand,
      { outcome: 'notDone', recordId: null, reason: 'Mưa lũ, chưa vào được thôn.' },
      by('officer'),
      now(),
    );
    expect((await put('officer', land)).status).toBe(201);
  });

  it('lets a record’s author make its follow-up a task, once, under the record’s id', async () => {
    const record = makeCheck(2, by('officer'));
    const followUp = newTask(
      input({ assignee: ACTORS.officer2.name }),
      by('officer'),
      now(),
      record._id,
    );
    expect(followUp._id).toBe(`task:${record._id.slice('check:'.length)}`);
    expect((await put('officer', followUp)).status).toBe(201);
    // Someone else's record: the id would not be theirs.
    const other = makeCheck(3, by('officer2'));
    const forged = newTask(input(), by('officer'), now(), other._id);
    expect((await put('officer', forged)).status).toBe(403);
    // A source with an id of one's own choosing is refused.
    const wrongId = { ...newTask(input(), by('officer'), now()), source: record._id };
    expect((await put('officer', wrongId)).reason).toContain(
      '(not the follow-up of your own record)',
    );
  });
});
