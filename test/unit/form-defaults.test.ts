// Issue 12.8: a new patrol's shift follows the clock in Vietnam (noon is not night).
import { describe, expect, it } from 'vitest';
import { emptyInput } from '../../src/lib/domain/field-check-factory';
import { shiftAt } from '../../src/lib/kinds/security/kind';

const hanoi = (hhmm: string) => new Date(`2026-11-27T${hhmm}:00+07:00`);

describe('the patrol form’s default shift', () => {
  it.each([
    ['12:00', 'day'],
    ['06:00', 'day'],
    ['17:59', 'day'],
    ['18:00', 'night'],
    ['23:30', 'night'],
    ['05:59', 'night'],
    ['00:00', 'night'],
  ])('%s in Hà Nội is the %s shift', (hhmm, shift) => {
    expect(shiftAt(hanoi(hhmm))).toBe(shift);
  });

  it('a form opened at noon starts on the day shift', () => {
    const input = emptyInput('security', hanoi('12:00'));
    expect(input.details).toMatchObject({ shift: 'day' });
    expect(emptyInput('security', hanoi('22:00')).details).toMatchObject({ shift: 'night' });
  });
});
