// Tasks: the schema, the fold (first closing decides, later ones kept, forged copies of the
// assignee ignored, overdue by Vietnam's day), the tally per person, and the policy's answers
// (the matrix test checks the server agrees with them cell by cell).
import { describe, expect, it } from 'vitest';
import { decide, type Actor } from '../../src/lib/domain/policy/index.ts';
import { couchRolesFor, type Position, type Role } from '../../src/lib/domain/roles.ts';
import {
  foldTask,
  newTask,
  newTaskEvent,
  tallyByAssignee,
  taskEventSchema,
  taskSchema,
  vnToday,
  type TaskInput,
} from '../../src/lib/domain/task.ts';
import { makeCheck, officerAuthor } from '../support/fixtures.ts';

const COMMUNE = 'hong-phong';
const chair = { name: 'chutich', role: 'chair', commune: COMMUNE };
const officer = officerAuthor; // canbo
const other = { name: 'canbo2', role: 'officer', commune: COMMUNE };
const actor = (name: string, role: Role, position?: Position): Actor => ({
  name,
  roles: couchRolesFor(role, COMMUNE, position),
  commune: COMMUNE,
});
let clock = Date.UTC(2026, 4, 1);
const tick = () => new Date((clock += 60_000));
const input = (patch: Partial<TaskInput> = {}): TaskInput => ({
  title: ' Kiểm tra lại điểm tập kết rác ',
  note: '',
  assignee: 'canbo',
  assigneeGroup: null,
  due: '2026-05-10',
  hamlet: 'Thôn Nà Cạn',
  planItems: ['2.3.7', '2.3.7'],
  ...patch,
});

describe('a task', () => {
  it('is a valid document, trimmed, its plan items once each', () => {
    const task = taskSchema.parse(newTask(input(), chair, tick()));
    expect(task.title).toBe('Kiểm tra lại điểm tập kết rác');
    expect(task.planItems).toEqual(['2.3.7']);
    expect(task._id.startsWith('task:')).toBe(true);
  });

  it('made from a record’s follow-up carries the record’s id, so there is one per record', () => {
    const record = makeCheck(1, officer);
    const a = newTask(input(), officer, tick(), record._id);
    const b = newTask(input(), officer, tick(), record._id);
    expect(a._id).toBe(b._id);
    expect(a._id).toBe(record._id.replace(/^check:/, 'task:'));
  });

  it('is closed by its first closing; later ones are kept; forged copies count for nothing', () => {
    const task = newTask(input(), chair, tick());
    const proof = makeCheck(2, officer)._id;
    const forged = {
      ...newTaskEvent(task, { outcome: 'done', recordId: proof, reason: '' }, other, tick()),
      assignee: 'canbo2',
    };
    const first = newTaskEvent(
      task,
      { outcome: 'notDone', recordId: null, reason: 'Mưa lũ' },
      officer,
      tick(),
    );
    const later = newTaskEvent(
      task,
      { outcome: 'done', recordId: proof, reason: '' },
      officer,
      tick(),
    );
    taskEventSchema.parse(first);
    const open = foldTask(task, [forged], '2026-05-01');
    expect(open.status).toBe('open');
    expect(open.history).toEqual([]);
    const s = foldTask(task, [later, forged, first], '2026-05-01');
    expect(s.status).toBe('notDone');
    expect(s.closing?.reason).toBe('Mưa lũ');
    expect(s.history.map((e) => e._id)).toEqual([first._id, later._id]);
  });

  it('is overdue only while open and after its due day in Vietnam', () => {
    const task = newTask(input({ due: '2026-05-10' }), chair, tick());
    // 17:30 UTC on the 10th is already the 11th in Vietnam.
    expect(vnToday(new Date('2026-05-10T16:59:00Z'))).toBe('2026-05-10');
    expect(vnToday(new Date('2026-05-10T17:30:00Z'))).toBe('2026-05-11');
    expect(foldTask(task, [], '2026-05-10').overdue).toBe(false);
    expect(foldTask(task, [], '2026-05-11').overdue).toBe(true);
    const done = newTaskEvent(
      task,
      { outcome: 'done', recordId: makeCheck(3)._id, reason: '' },
      officer,
      tick(),
    );
    expect(foldTask(task, [done], '2026-05-11').overdue).toBe(false);
    expect(foldTask(newTask(input({ due: null }), chair, tick()), [], '2030-01-01').overdue).toBe(
      false,
    );
  });

  it('is tallied per person or position: open, overdue, closed', () => {
    const t1 = newTask(input(), chair, tick());
    const t2 = newTask(input({ due: '2026-06-01' }), chair, tick());
    const t3 = newTask(input({ assignee: null, assigneeGroup: 'position:land' }), chair, tick());
    const close = newTaskEvent(
      t2,
      { outcome: 'done', recordId: makeCheck(4)._id, reason: '' },
      officer,
      tick(),
    );
    const states = [t1, t2, t3].map((t) => foldTask(t, [close], '2026-05-20'));
    expect(tallyByAssignee(states)).toEqual([
      { key: 'canbo', open: 1, overdue: 1, done: 1, notDone: 0 },
      { key: 'position:land', open: 1, overdue: 1, done: 0, notDone: 0 },
    ]);
  });
});

describe('the task policy', () => {
  const task = newTask(input({ assignee: null, assigneeGroup: 'position:land' }), chair, tick());
  const why = (a: Actor, doc: Record<string, unknown>) => decide(a, null, doc, 'log').reason;

  it('lets leaders and reviewers assign, nobody else (but their own record’s follow-up)', () => {
    expect(why(actor('chutich', 'chair'), newTask(input(), chair, tick()))).toBeNull();
    const rev = { name: 'duyet', role: 'reviewer', commune: COMMUNE };
    expect(why(actor('duyet', 'reviewer'), newTask(input(), rev, tick()))).toBeNull();
    expect(why(actor('canbo', 'officer'), newTask(input(), officer, tick()))).toBe('notAssigner');
    const record = makeCheck(5, officer);
    expect(
      why(actor('canbo', 'officer'), newTask(input(), officer, tick(), record._id)),
    ).toBeNull();
    const admin = { name: 'quantri', role: 'admin', commune: COMMUNE };
    expect(why(actor('quantri', 'admin'), newTask(input(), admin, tick()))).toBe('roleMayNot');
  });

  it('lets the position close, with proof or a reason; nobody else', () => {
    const land = { ...officer };
    const done = newTaskEvent(
      task,
      { outcome: 'done', recordId: makeCheck(6)._id, reason: '' },
      land,
      tick(),
    );
    expect(why(actor('canbo', 'officer', 'land'), done)).toBeNull();
    expect(why(actor('canbo', 'officer', 'culture'), done)).toBe('notAssignee');
    const bare = newTaskEvent(task, { outcome: 'done', recordId: null, reason: '' }, land, tick());
    expect(why(actor('canbo', 'officer', 'land'), bare)).toBe('evidenceNeeded');
    const noWhy = newTaskEvent(
      task,
      { outcome: 'notDone', recordId: null, reason: '  ' },
      land,
      tick(),
    );
    expect(why(actor('canbo', 'officer', 'land'), noWhy)).toBe('reasonNeeded');
    expect(
      decide(actor('canbo', 'officer', 'land'), { ...done, _rev: '1-a' }, done, 'log').reason,
    ).toBe('appendOnly');
  });
});
