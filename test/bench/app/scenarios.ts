// What a person does with the app, timed from inside the page (performance.now against the
// document's own clock, marks set by a MutationObserver: see browser.ts).
import type { Page } from 'playwright-core';
import { percentile } from '../../support/harness/stats.ts';

export interface Dist {
  p50: number;
  p95: number;
  runs: number;
}

export const dist = (values: number[]): Dist => ({
  p50: percentile(values, 50),
  p95: percentile(values, 95),
  runs: values.length,
});

type Marks = Record<string, number | string | undefined>;
const marks = (page: Page) =>
  page.evaluate(() => (window as unknown as { __marks: Marks }).__marks);

/** Waits until the page has set every one of `names`; returns their values. */
export async function waitMarks(page: Page, names: string[], timeoutMs = 10 * 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const m = await marks(page).catch(() => null);
    if (m && names.every((n) => typeof m[n] === 'number')) return m as Record<string, number>;
    if (Date.now() > deadline) throw new Error(`page never showed ${names.join(', ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Waits until the app has taken in what arrived: no `fb:` span (index catch-ups, their
 * progress writes, screen reads) ended for `quietMs`. A home screen opened after many records
 * arrived shows its list first and reads the new records through in the background; the
 * screens measured after this are the ones a person meets on later openings.
 */
export async function waitSettled(page: Page, quietMs = 6_000, timeoutMs = 15 * 60_000) {
  const deadline = Date.now() + timeoutMs;
  const t0 = Date.now();
  let last = -1;
  let since = Date.now();
  for (;;) {
    const n = await page.evaluate(
      () => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('fb:')).length,
    );
    if (n !== last) {
      last = n;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return Date.now() - t0 - quietMs;
    if (Date.now() > deadline) throw new Error('the app never settled');
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A full navigation to the home screen: when its list and "My work" are on screen. */
export async function openHome(page: Page, origin: string) {
  await page.goto(`${origin}/`);
  const m = await waitMarks(page, ['list', 'myWork']);
  return { list: m.list, myWork: m.myWork, both: Math.max(m.list, m.myWork) };
}

/** From a tap on the i-th record of the home list to its details on screen; then back. */
export async function openRecord(page: Page, i: number): Promise<number> {
  const t0 = await page.evaluate((i) => {
    const w = window as unknown as { __marks: Marks };
    delete w.__marks.record;
    const links = document.querySelectorAll<HTMLAnchorElement>('[data-testid=check-list] li a');
    const t = performance.now();
    links[i % links.length].click();
    return t;
  }, i);
  const m = await waitMarks(page, ['record']);
  await page.evaluate(() => {
    const w = window as unknown as { __marks: Marks };
    delete w.__marks.list;
    delete w.__marks.myWork;
    history.back();
  });
  await waitMarks(page, ['list', 'myWork']);
  return m.record - t0;
}

/** One change to the filter bar or the search box: a control and the value it gets. */
export interface LogStep {
  /** `#search`, `#f-kind`, `#f-hamlet`, `#f-author`, `#f-status`, `#f-item`, `#f-from`, `#f-to`. */
  control: string;
  value: string;
}

/**
 * Sets the search box and filters as a person would (input and change events) until the home
 * list shows the first page of what was asked (its `data-shown` key equals `data-wanted`);
 * then clears them again and waits for the plain list.
 */
export async function queryLog(page: Page, steps: LogStep[]): Promise<number> {
  const apply = (steps: LogStep[]) =>
    page.evaluate((steps) => {
      const w = window as unknown as { __marks: Marks; __logFrom: string | null };
      delete w.__marks.log;
      const log = document.querySelector('[data-testid=log]')!;
      w.__logFrom = log.getAttribute('data-wanted');
      const t = performance.now();
      for (const { control, value } of steps) {
        const el = document.querySelector<HTMLInputElement | HTMLSelectElement>(control)!;
        el.value = value;
        el.dispatchEvent(
          new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }),
        );
        if (el.type === 'date') el.dispatchEvent(new Event('change', { bubbles: true }));
      }
      return t;
    }, steps);
  const t0 = await apply(steps);
  const m = await waitMarks(page, ['log']);
  await apply(steps.map((s) => ({ ...s, value: '' })));
  await waitMarks(page, ['log']);
  return m.log - t0;
}

/** How long the page took to read the log index at its start (in the background), if it did. */
export async function logIndexLoadMs(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const m = performance.getEntriesByName('fb:index:log:load')[0];
    return m ? m.duration : null;
  });
}
