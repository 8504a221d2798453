// Issue 12.4: every message a form shows is a sentence written for its field, never a
// validator's text — over every registered kind's fields and the common ones, for every way a
// value can be wrong.
import { describe, expect, it } from 'vitest';
import { checkFieldLabel, fieldMessage, formErrors } from '../../src/lib/data/field-messages';
import { ValidationError, parseOrThrow } from '../../src/lib/data/validation';
import { timeProblems } from '../../src/lib/domain/check-times';
import { fieldCheckSchema } from '../../src/lib/domain/field-check';
import { FIELD_CHECK_KINDS } from '../../src/lib/kinds/index';
import { makeCheck, officerAuthor } from '../support/fixtures';

// What zod (in any language) or a developer would write; never a person's sentence.
const MACHINE =
  /mong đợi|Đầu vào|expected|received|regex|pattern|\/\^|Invalid|invalid|Too (small|big)|Quá (nhỏ|lớn)|string|number|int\b|NaN|undefined|null|details\.|\[object/;

function messagesFor(doc: Record<string, unknown>): Record<string, string> {
  try {
    parseOrThrow(fieldCheckSchema, doc);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    return formErrors(err, (p) => checkFieldLabel(doc.kind as never, p));
  }
  return {};
}

describe('field messages', () => {
  it('says the examples of the issue as a person would', () => {
    const doc = { ...makeCheck(1, officerAuthor, 'environment') } as Record<string, unknown>;
    doc.hamlet = '';
    doc.details = { ...(doc.details as object), householdsChecked: 2.5, areaM2: Number.NaN };
    doc.planItems = ['hai'];
    doc.startedAt = 'invalid';
    const m = messagesFor(doc);
    expect(m.hamlet).toBe('Hãy chọn thôn/bản nơi làm việc.');
    expect(m['details.householdsChecked']).toBe(
      'Số hộ được kiểm tra phải là số nguyên từ 0 đến 1.000.000.',
    );
    expect(m['details.areaM2']).toBe('Diện tích (m²) phải là một số, ví dụ 1.500 hoặc 2,5.');
    expect(m['planItems.0']).toBe('Hãy chọn mục kế hoạch trong danh sách của kế hoạch năm.');
    expect(m.startedAt).toBe('Hãy nhập thời gian bắt đầu đủ ngày và giờ.');
    for (const text of Object.values(m)) expect(text).not.toMatch(MACHINE);
  });

  it('writes a sentence for every field of every kind, for every kind of bad value', () => {
    const bad: unknown[] = [
      null,
      '',
      'x',
      -1,
      2.5,
      1e12,
      Number.NaN,
      true,
      [],
      {},
      'x'.repeat(6000),
    ];
    let checked = 0;
    for (const kind of FIELD_CHECK_KINDS) {
      const base = makeCheck(2, officerAuthor, kind) as unknown as Record<string, unknown>;
      const details = base.details as Record<string, unknown>;
      const paths: [string, (v: unknown) => Record<string, unknown>][] = [
        ...Object.keys(details).map((k): [string, (v: unknown) => Record<string, unknown>] => [
          `details.${k}`,
          (v) => ({ ...base, details: { ...details, [k]: v } }),
        ]),
        ...['hamlet', 'place', 'startedAt', 'endedAt', 'findings', 'note', 'participants'].map(
          (k): [string, (v: unknown) => Record<string, unknown>] => [
            k,
            (v) => ({ ...base, [k]: v }),
          ],
        ),
      ];
      for (const [path, make] of paths) {
        for (const v of bad) {
          const m = messagesFor(make(v));
          for (const [p, text] of Object.entries(m)) {
            checked++;
            expect(p.startsWith(path), `${kind} ${path}=${String(v)} → ${p}`).toBe(true);
            expect(text, `${kind} ${p}=${String(v)}`).not.toMatch(MACHINE);
            expect(text).toMatch(/^[A-ZÀ-Ỹ].*\.$/u);
            // The field's own label, not "Mục này", names every field of a kind.
            expect(text, `${kind} ${p}`).not.toMatch(/^Mục này/);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('names the bounds of a number the Vietnamese way', () => {
    const range = { code: 'range', min: 0, max: 1_000_000, whole: true } as const;
    expect(fieldMessage(range, 'Số hộ')).toBe('Số hộ phải là số nguyên từ 0 đến 1.000.000.');
    expect(fieldMessage({ code: 'range', min: 0, max: null, whole: false }, 'Diện tích')).toBe(
      'Diện tích phải là số từ 0 trở lên.',
    );
    expect(fieldMessage({ code: 'decimalDot' }, 'Diện tích')).toContain('2,5');
  });

  it('refuses an end before the start and a time far ahead', () => {
    const now = new Date('2026-11-27T03:00:00Z');
    expect(
      timeProblems({ startedAt: '2026-11-27T02:00:00Z', endedAt: '2026-11-27T01:00:00Z' }, now),
    ).toEqual([{ path: 'endedAt', problem: { code: 'endBeforeStart' } }]);
    expect(timeProblems({ startedAt: '2027-11-27T02:00:00Z', endedAt: null }, now)).toEqual([
      { path: 'startedAt', problem: { code: 'tooFarAhead' } },
    ]);
    expect(
      timeProblems({ startedAt: '2026-11-27T02:00:00Z', endedAt: '2026-11-27T02:30:00Z' }, now),
    ).toEqual([]);
    expect(fieldMessage({ code: 'endBeforeStart' }, 'Kết thúc', 'endedAt')).toBe(
      'Thời gian kết thúc phải sau thời gian bắt đầu.',
    );
  });
});
