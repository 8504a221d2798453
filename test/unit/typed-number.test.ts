// A number typed that cannot be read (issue 12): the draft keeps the text as typed across a
// reload, the field says why at once and again after the reload, and the save is refused with a
// sentence for the field — never saved, never silently emptied.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { typedNumber, typedText } from '../../src/lib/components/typed-number';
import { checkFormErrors } from '../../src/lib/data/field-messages';
import { DeviceStore } from '../../src/lib/data/device-store';
import { ValidationError, parseOrThrow } from '../../src/lib/data/validation';
import { fieldCheckSchema } from '../../src/lib/domain/field-check';
import { wholeDetailsOf } from '../../src/lib/kinds/whole';
import { makeCheck, officerAuthor } from '../support/fixtures';

/** The browser's localStorage, as far as DeviceStore uses it. */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    key: (i) => [...m.keys()][i] ?? null,
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, String(v)),
    removeItem: (k) => void m.delete(k),
    clear: () => m.clear(),
  };
}

describe('a typed number that cannot be read', () => {
  beforeEach(() => {
    globalThis.localStorage = memoryStorage();
  });
  afterEach(() => {
    delete (globalThis as { localStorage?: Storage }).localStorage;
  });

  it.each(['abc', '1,2,3', '12a'])('keeps %j through the draft and says why', (typed) => {
    const label = 'Số lượt công dân đến';
    // A count (the form knows from the kind's schema): the example has no decimals.
    expect(wholeDetailsOf('citizenReception')('visits')).toBe(true);
    const now = typedNumber(typed, label, true);
    expect(now.value).toBe(typed);
    expect(now.message).toBe('Số lượt công dân đến phải là số nguyên, ví dụ 15 hoặc 1.500.');

    // The form keeps its input as JSON in the person's store; a reload reads it back.
    const check = makeCheck(1, officerAuthor, 'citizenReception');
    const store = new DeviceStore('canbo');
    store.set('typing:new:citizenReception', {
      ...check,
      details: { ...check.details, visits: now.value },
    });
    const back = store.get<typeof check>('typing:new:citizenReception')!;
    const kept = back.details as Record<string, unknown>;
    expect(typedText(kept.visits as never)).toBe(typed);
    expect(typedNumber(typedText(kept.visits as never), label, true).message).toBe(now.message);

    // Saving it is refused for that field, in the same words.
    let refused: Record<string, string> = {};
    try {
      parseOrThrow(fieldCheckSchema, back);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      refused = checkFormErrors('citizenReception', err);
    }
    expect(refused['details.visits']).toBe(now.message);
  });

  it('gives a field that takes decimals a decimal example', () => {
    expect(wholeDetailsOf('environment')('areaM2')).toBe(false);
    expect(wholeDetailsOf('environment')('householdsChecked')).toBe(true);
    expect(typedNumber('abc', 'Diện tích (m²)').message).toBe(
      'Diện tích (m²) phải là một số, ví dụ 1.500 hoặc 2,5.',
    );
    expect(typedNumber('1.5', 'Diện tích (m²)').message).toContain('2,5');
  });

  it('keeps a number as a number, and nothing typed as nothing', () => {
    expect(typedNumber('1.500', 'Số hộ')).toEqual({ value: 1500, message: '' });
    expect(typedNumber('2,5', 'Diện tích')).toEqual({ value: 2.5, message: '' });
    expect(typedNumber('', 'Số hộ')).toEqual({ value: null, message: '' });
    expect(typedText(1500)).toBe('1.500');
    expect(typedText(null)).toBe('');
  });
});
