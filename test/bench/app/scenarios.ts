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

/** Typing a hamlet's name into the search box until the list shows only matching records. */
export async function search(page: Page, query: string): Promise<number> {
  const t0 = await page.evaluate((q) => {
    const w = window as unknown as { __marks: Marks; __searchFor: string | null };
    delete w.__marks.search;
    const input = document.querySelector<HTMLInputElement>('#search')!;
    const t = performance.now();
    w.__searchFor = q;
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return t;
  }, query);
  const m = await waitMarks(page, ['search']);
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('#search')!;
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await new Promise((r) => setTimeout(r, 200));
  return m.search - t0;
}
