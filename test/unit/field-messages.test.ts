// Issue 12.4: every message a form shows is a sentence written for its field, never a
// validator's text — over every registered kind's fields and the common ones, for every way a
// value can be wrong.
import { describe, expect, it } from 'vitest';
import {
  checkFieldLabel,
  checkFieldSentence,
  checkFormErrors,
  fieldKey,
  fieldMessage,
} from '../../src/lib/data/field-messages';
import { t } from '../../src/lib/i18n';
import { ValidationError, parseOrThrow } from '../../src/lib/data/validation';
import { timeProblems } from '../../src/lib/domain/check-times';
import { fieldCheckSchema } from '../../src/lib/domain/field-check';
import { FIELD_CHECK_KINDS } from '../../src/lib/kinds/index';
import { makeCheck, officerAuthor } from '../support/fixtures';

// What zod (in any language) or a developer would write; never a person's sentence.
const MACHINE =
  /mong đợi|Đầu vào|expected|received|regex|pattern|\/\^|Invalid|invalid|Too (small|big)|Quá (nhỏ|lớn)|string|number|int\b|NaN|undefined|null|details\.|\[object/;

// A letter only Vietnamese writes (đ, ơ, ư, a tone mark): the sentence is not English.
const VIETNAMESE = /[đơưạảãáàâăấầẩẫậắằẳẵặẹẻẽéèêếềểễệịỉĩíìọỏõóòôốồổỗộớờởỡợụủũúùứừửữựỵỷỹýỳ]/iu;

function messagesFor(doc: Record<string, unknown>): Record<string, string> {
  try {
    parseOrThrow(fieldCheckSchema, doc);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    return checkFormErrors(doc.kind as never, err);
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
    // Every field of every kind gets at least one sentence (and they are Vietnamese).
    const unsaid: string[] = [];
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
        let said = 0;
        for (const v of bad) {
          const m = messagesFor(make(v));
          for (const [p, text] of Object.entries(m)) {
            checked++;
            said++;
            expect(p.startsWith(path), `${kind} ${path}=${String(v)} → ${p}`).toBe(true);
            expect(text, `${kind} ${p}=${String(v)}`).not.toMatch(MACHINE);
            expect(text).toMatch(/^[A-ZÀ-Ỹ“].*\.$/u);
            // Vietnamese: a sentence with Vietnamese letters, not an English or code word.
            expect(text, `${kind} ${p}`).toMatch(VIETNAMESE);
            // The field's own label, not "Mục này", names every field of a kind, or the
            // sentence is the one the kind wrote for that field.
            expect(text, `${kind} ${p}`).not.toMatch(/^Mục này/);
            const names = [checkFieldLabel(kind, p), t.forms.fields[fieldKey(p)]?.name];
            const own = checkFieldSentence(kind, p);
            expect(
              text === own ||
                names.some((n) => !!n && text.toLowerCase().includes(n.toLowerCase())),
              `${kind} ${p}: “${text}” names neither ${names[0]} nor is its own sentence`,
            ).toBe(true);
          }
        }
        if (!said) unsaid.push(`${kind} ${path}`);
      }
    }
    expect(unsaid).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  });

  it('says bounds from the schema, each kind’s own sentence for its choices and dates, “a whole number” for text in a count', () => {
    const cases: [kind: string, field: string, value: unknown, text: string][] = [
      [
        'citizenReception',
        'visits',
        10_001,
        'Số lượt công dân đến phải là số nguyên từ 0 đến 10.000.',
      ],
      [
        'citizenReception',
        'replyDue',
        '31/12',
        'Hạn trả lời phải là một ngày hợp lệ (ngày/tháng/năm).',
      ],
      [
        'outreach',
        'attendees',
        'abc',
        'Số người nghe, tham dự phải là số nguyên, ví dụ 15 hoặc 1.500.',
      ],
      ['oneStopCheck', 'punctual', 'x', checkFieldSentence('oneStopCheck', 'details.punctual')!],
      ['disclosure', 'postedFrom', 'x', checkFieldSentence('disclosure', 'details.postedFrom')!],
      ['citizenFeedback', 'due', 'x', checkFieldSentence('citizenFeedback', 'details.due')!],
      [
        'citizenFeedback',
        'channel',
        'x',
        checkFieldSentence('citizenFeedback', 'details.channel')!,
      ],
    ];
    for (const [kind, field, value, text] of cases) {
      const base = makeCheck(3, officerAuthor, kind as never) as unknown as Record<string, unknown>;
      const doc = { ...base, details: { ...(base.details as object), [field]: value } };
      expect(messagesFor(doc)[`details.${field}`], `${kind}.${field}`).toBe(text);
      expect(text).toMatch(VIETNAMESE);
    }
    // A date-only field is never asked for a time of day.
    expect(fieldMessage({ code: 'date' }, 'Hạn xử lý')).toBe(
      'Hãy chọn ngày cho mục “Hạn xử lý” (ngày/tháng/năm).',
    );
  });

  it('names the bounds of a number the Vietnamese way', () => {
    const range = { code: 'range', min: 0, max: 1_000_000, whole: true } as const;
    expect(fieldMessage(range, 'Số hộ')).toBe('Số hộ phải là số nguyên từ 0 đến 1.000.000.');
    expect(fieldMessage({ code: 'range', min: 0, max: null, whole: false }, 'Diện tích')).toBe(
      'Diện tích phải là số từ 0 trở lên.',
    );
    expect(fieldMessage({ code: 'decimalMark' }, 'Diện tích')).toContain('2,5');
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
