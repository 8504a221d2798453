// A quarter of a commune's work for the report tests: the 2023 plan, progress on a few items,
// and field records of several kinds in the third quarter (plus one outside it), all built
// through the domain factories and schemas.
import {
  newFieldCheck,
  emptyInput,
  type Author,
} from '../../src/lib/domain/field-check-factory.ts';
import { fieldCheckSchema, type FieldCheck } from '../../src/lib/domain/field-check.ts';
import { loadPlan2023 } from '../../src/lib/domain/plan-data/index.ts';
import { foldAll, newProgressUpdate, type ProgressUpdate } from '../../src/lib/domain/progress.ts';
import type { ReportSource } from '../../src/lib/report/model.ts';

const COMMUNE = 'hong-phong';
const officer: Author = { name: 'canbo', role: 'officer', commune: COMMUNE };
const head: Author = { name: 'truongthon', role: 'hamletHead', commune: COMMUNE };

function record(
  kind: 'environment' | 'hamletMeeting',
  day: string,
  items: string[],
  hamlet: string,
  details: Record<string, unknown>,
  author: Author = officer,
  status: FieldCheck['status'] = 'approved',
): FieldCheck {
  const at = new Date(`${day}T02:00:00.000Z`);
  const input = emptyInput(kind, at);
  input.hamlet = hamlet;
  input.planItems = items;
  input.findings = `Kiểm tra tại ${hamlet}, ghi chú "đạt", có ảnh.`;
  input.details = { ...input.details, ...details } as never;
  return fieldCheckSchema.parse({ ...newFieldCheck(input, author, at), status });
}

export function quarterSource(): ReportSource {
  const { plan, items } = loadPlan2023();
  const item = (code: string) => items.find((i) => i.code === code)!;
  const updates: ProgressUpdate[] = [
    newProgressUpdate(
      {
        planItemId: item('2.3.7')._id,
        status: 'inProgress',
        percent: 60,
        value: null,
        criterionId: null,
        note: '',
      },
      { ...officer, position: item('2.3.7').lead },
      new Date('2023-08-20T03:00:00.000Z'),
      item('2.3.7'),
    ),
    newProgressUpdate(
      {
        planItemId: item('2.1.3')._id,
        status: 'done',
        percent: 100,
        value: 98.5,
        criterionId: '2.1.3.a',
        note: '',
      },
      { name: 'vanphong', role: 'officer', commune: COMMUNE, position: item('2.1.3').lead },
      new Date('2023-09-25T03:00:00.000Z'),
      item('2.1.3'),
    ),
  ];
  const records = [
    record('environment', '2023-07-10', ['2.3.7'], 'Thôn Pò Nhùng', { householdsChecked: 42 }),
    record('environment', '2023-08-03', ['2.3.7'], 'Thôn Nà Cạn', {
      householdsChecked: 30,
      cleanUpParticipants: 55,
    }),
    record(
      'environment',
      '2023-09-28',
      ['2.3.7', '2.3.1'],
      'Thôn Khòn Pát',
      { householdsChecked: 48 },
      officer,
      'submitted',
    ),
    record('hamletMeeting', '2023-09-12', ['2.3.1'], 'Thôn Nà Cạn', {}, head),
    // Outside the quarter: counted nowhere.
    record('environment', '2023-10-02', ['2.3.7'], 'Thôn Pò Nhùng', { householdsChecked: 99 }),
  ];
  return {
    plan,
    items,
    folds: foldAll(updates, items, new Date('2023-10-05T03:00:00.000Z')),
    records,
  };
}
