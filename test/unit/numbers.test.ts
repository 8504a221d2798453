// One reader for every typed number (issue 12.4): Vietnamese habits, the same in every form.
import { describe, expect, it } from 'vitest';
import {
  formatNumber,
  formatPercent,
  numberText,
  numbersFor,
  readNumber,
} from '../../src/lib/i18n/numbers';

describe('readNumber', () => {
  it.each([
    ['1.500', 1500],
    ['1.500.000', 1_500_000],
    ['1500', 1500],
    ['2,5', 2.5],
    ['1.234,5', 1234.5],
    ['0', 0],
    [' 12 ', 12],
    ['1 500', 1500],
    ['1\u00a0500,25', 1500.25],
    ['-3', -3],
    ['−3,5', -3.5],
  ])('reads %j as %d', (text, value) => {
    expect(readNumber(text)).toEqual({ value });
  });

  it('reads nothing typed as no value', () => {
    expect(readNumber('')).toEqual({ value: null });
    expect(readNumber('   ')).toEqual({ value: null });
  });

  it('refuses a dot written for the decimal comma instead of guessing', () => {
    expect(readNumber('1.5')).toEqual({ problem: 'decimalMark' });
    expect(readNumber('12.25')).toEqual({ problem: 'decimalMark' });
    expect(readNumber('1.50')).toEqual({ problem: 'decimalMark' });
  });

  it.each(['12a', 'abc', '1,5,5', '1,500.5', '.5', ',5', '5,', '--1', '1e3', 'NaN'])(
    'refuses %j',
    (text) => {
      expect(readNumber(text)).toEqual({ problem: 'number' });
    },
  );

  it('reads back what formatNumber writes', () => {
    for (const n of [0, 7, 1500, 1_234_567.5, 2.5, 1_000_000]) {
      expect(readNumber(formatNumber(n))).toEqual({ value: n });
      expect(readNumber(numberText(n))).toEqual({ value: n });
    }
    expect(numberText(null)).toBe('');
    expect(formatNumber(1500)).toBe('1.500');
    expect(formatNumber(2.5)).toBe('2,5');
  });
});

// Issue 12 (English plan page said "3,8 %"): numbers follow the interface language, and a
// number written in a language reads back as the same number in that language.
describe('numbers in the chosen language', () => {
  const vi = numbersFor('vi');
  const en = numbersFor('en');

  it('writes Vietnamese with a decimal comma and English with a decimal dot', () => {
    expect(vi.formatPercent(0.038)).toBe('3,8 %');
    expect(en.formatPercent(0.038)).toBe('3.8%');
    expect(vi.formatNumber(1_234_567.5)).toBe('1.234.567,5');
    expect(en.formatNumber(1_234_567.5)).toBe('1,234,567.5');
    expect(en.numberText(null)).toBe('');
  });

  it('reads English the English way, refusing the thousands comma as a decimal', () => {
    expect(en.readNumber('1,500')).toEqual({ value: 1500 });
    expect(en.readNumber('2.5')).toEqual({ value: 2.5 });
    expect(en.readNumber('1,234.5')).toEqual({ value: 1234.5 });
    expect(en.readNumber('1,5')).toEqual({ problem: 'decimalMark' });
    expect(en.readNumber('abc')).toEqual({ problem: 'number' });
    for (const n of [0, 1500, 2.5, 1_234_567.5])
      expect(en.readNumber(en.formatNumber(n))).toEqual({ value: n });
  });

  it('gives the interface language (Vietnamese by default) to the screens', () => {
    expect(formatPercent(0.038)).toBe(vi.formatPercent(0.038));
  });
});
