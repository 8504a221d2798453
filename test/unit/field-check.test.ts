import { describe, expect, it } from 'vitest';
import { fieldCheckSchema } from '../../src/lib/domain/field-check.ts';
import {
  editFieldCheck,
  emptyInput,
  newFieldCheck,
  submitFieldCheck,
} from '../../src/lib/domain/field-check-factory.ts';
import { makeCheck, officerAuthor } from '../support/fixtures.ts';

const at = new Date('2026-11-20T03:15:00.000Z');

describe('field-check schema', () => {
  it('accepts a new environment draft and a hamlet meeting draft', () => {
    expect(fieldCheckSchema.safeParse(makeCheck(1)).success).toBe(true);
    expect(fieldCheckSchema.safeParse(makeCheck(2, officerAuthor, 'hamletMeeting')).success).toBe(
      true,
    );
  });

  it('stamps identity, author and times, and stores text as NFC', () => {
    const input = emptyInput('environment', at);
    input.hamlet = 'Tho\u0302n Po\u0300 Nhu\u0300ng'; // decomposed, as some keyboards type it
    input.findings = 'Ðiểm tập kết'; // Icelandic eth typed for Đ
    const doc = newFieldCheck(input, officerAuthor, at);
    expect(doc._id).toMatch(/^check:2026-11-20T03:15:00\.000Z:canbo:[a-z0-9]{8}$/);
    expect(doc).toMatchObject({
      author: 'canbo',
      status: 'draft',
      commune: 'hong-phong',
      createdAt: at.toISOString(),
    });
    expect(doc.hamlet).toBe('Thôn Pò Nhùng'.normalize('NFC'));
    expect(doc.findings.startsWith('\u0110')).toBe(true);
  });

  it.each([
    ['empty hamlet', { hamlet: '' }],
    ['unknown kind', { kind: 'picnic' }],
    ['negative count', { details: { ...makeCheck(1).details, householdsChecked: -1 } }],
    ['fractional count', { details: { ...makeCheck(1).details, householdsChecked: 2.5 } }],
    ['NaN count', { details: { ...makeCheck(1).details, householdsChecked: Number.NaN } }],
    [
      'details of the other kind',
      { details: makeCheck(1, officerAuthor, 'hamletMeeting').details },
    ],
    ['forged id', { _id: 'check:yesterday:canbo:abc' }],
    ['progress id on a check', { _id: 'progress:2026-11-20T03:15:00.000Z:canbo:abcdefgh' }],
    ['extra field', { isAdmin: true }],
    ['bad time', { startedAt: '20/11/2026' }],
    ['too long findings', { findings: 'x'.repeat(5001) }],
    ['gps out of range', { gps: { lat: 91, lon: 0, accuracy: 5, capturedAt: at.toISOString() } }],
    ['bad plan item code', { planItems: ['2.3.7; DROP'] }],
    ['unknown status', { status: 'deleted' }],
  ])('rejects %s', (_name, patch) => {
    expect(fieldCheckSchema.safeParse({ ...makeCheck(1), ...patch }).success).toBe(false);
  });

  it('keeps identity on edit and stamps submission', () => {
    const doc = makeCheck(3);
    const later = new Date(at.getTime() + 3600_000);
    const edited = editFieldCheck(
      doc,
      { ...emptyInput('environment', at), hamlet: 'Thôn Mới' },
      later,
    );
    expect(edited._id).toBe(doc._id);
    expect(edited.createdAt).toBe(doc.createdAt);
    expect(edited.updatedAt).toBe(later.toISOString());
    const submitted = submitFieldCheck(edited, later);
    expect(submitted).toMatchObject({ status: 'submitted', submittedAt: later.toISOString() });
    expect(fieldCheckSchema.safeParse(submitted).success).toBe(true);
  });
});
