// One phone for the app benchmark: Debian's Chromium (playwright-core, the flags of
// playwright.config.ts) with a persistent profile on disk, so IndexedDB is the real one. The
// app's service worker is blocked so that a benchmark page can be served on the app's own
// origin (it shares the app's IndexedDB); every app file then comes over loopback each load.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { chromiumArgs } from '../../../playwright.config.ts';

export interface Cpu {
  /** Main-thread task time of the page's renderer (CDP Performance.getMetrics), ms. */
  pageMs: number;
  /** User + system CPU of every Chromium process of the profile (/proc), ms. */
  processMs: number;
}

/** What the page records (installed before any script of every document). */
const MARKS = `
(() => {
  const marks = (window.__marks = {});
  let searching = null;
  const check = () => {
    const now = performance.now();
    const list = document.querySelector('[data-testid=check-list] li');
    const mw = document.querySelector('[data-testid=my-work]');
    const first = mw && mw.querySelector('h2 + *');
    if (list && !marks.list) marks.list = now;
    if (first && first.textContent.trim() !== '…' && !marks.myWork) marks.myWork = now;
    if (document.querySelector('[data-testid=status]') && !marks.record) marks.record = now;
    const phase = document.querySelector('[data-testid=sync]')?.getAttribute('data-phase');
    if (phase && marks.phase !== phase) { marks.phase = phase; marks['phase:' + phase] = now; }
    // The log shows what was asked (its key) once a filter or search has changed it.
    const log = document.querySelector('[data-testid=log]');
    const from = window.__logFrom;
    if (log && typeof from === 'string') {
      const wanted = log.getAttribute('data-wanted');
      if (wanted !== from && log.getAttribute('data-shown') === wanted) {
        marks.log = now;
        window.__logFrom = null;
      }
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, attributes: true, characterData: true,
  });
})();
`;

export class Phone {
  private readonly sessions = new WeakMap<Page, CDPSession>();

  private constructor(
    readonly context: BrowserContext,
    readonly profile: string,
    private readonly benchJs: string,
  ) {}

  static async launch(profile: string, benchJs: string): Promise<Phone> {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
      timeout: 60_000,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      serviceWorkers: 'block',
    });
    await context.addInitScript(MARKS);
    const phone = new Phone(context, profile, benchJs);
    await context.route('**/__bench/**', (route) => {
      const url = new URL(route.request().url());
      if (url.pathname.endsWith('.js'))
        return route.fulfill({ contentType: 'text/javascript', body: readFileSync(benchJs) });
      return route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><meta charset="utf-8"><title>loading</title><script type="module" src="/__bench/bench.js"></script>',
      });
    });
    return phone;
  }

  async page(): Promise<Page> {
    const page = this.context.pages()[0] ?? (await this.context.newPage());
    page.setDefaultTimeout(20 * 60_000);
    return page;
  }

  /** A tab with the benchmark page on the app's origin. */
  async benchPage(origin: string): Promise<Page> {
    const page = await this.context.newPage();
    page.setDefaultTimeout(20 * 60_000);
    await page.goto(`${origin}/__bench/`);
    await page.waitForFunction(() => document.title === 'ready', undefined, { timeout: 60_000 });
    return page;
  }

  async signIn(page: Page, origin: string, who: { name: string; password: string }) {
    await this.fillSignIn(page, origin, who);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    // Signed in once the app has left the sign-in page (it remembers the session then).
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 120_000 });
  }

  /** The sign-in screen with `who`'s name and password typed, not yet sent. */
  async fillSignIn(page: Page, origin: string, who: { name: string; password: string }) {
    await page.goto(`${origin}/login`);
    await page.getByLabel('Tên đăng nhập').fill(who.name);
    await page.getByLabel('Mật khẩu').fill(who.password);
  }

  /** CPU used so far: the page's main thread and every process of this browser. */
  async cpu(page: Page): Promise<Cpu> {
    // Metrics count from Performance.enable: one session per page, kept open.
    let cdp = this.sessions.get(page);
    if (!cdp) {
      cdp = await this.context.newCDPSession(page);
      await cdp.send('Performance.enable');
      this.sessions.set(page, cdp);
    }
    const { metrics } = await cdp.send('Performance.getMetrics');
    const task = metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
    return { pageMs: task * 1000, processMs: processTreeCpuMs(this.profile) };
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

export const cpuDelta = (a: Cpu, b: Cpu): Cpu => ({
  pageMs: b.pageMs - a.pageMs,
  processMs: b.processMs - a.processMs,
});

/** CPU time of the Chromium started with this profile and all its descendants. */
function processTreeCpuMs(profile: string): number {
  const procs = new Map<number, { ppid: number; ticks: number; cmd: string }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      // utime and stime are fields 14 and 15 of stat (1-based), here 11 and 12 (0-based).
      procs.set(Number(name), {
        ppid: Number(fields[1]),
        ticks: Number(fields[11]) + Number(fields[12]),
        cmd,
      });
    } catch {
      // gone meanwhile
    }
  }
  const roots = [...procs].filter(([, p]) => p.cmd.includes(`--user-data-dir=${profile}`));
  const tree = new Set(roots.map(([pid]) => pid));
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, p] of procs)
      if (!tree.has(pid) && tree.has(p.ppid)) {
        tree.add(pid);
        grew = true;
      }
  }
  let ticks = 0;
  for (const pid of tree) ticks += procs.get(pid)!.ticks;
  return ticks * 10; // USER_HZ is 100 on Linux
}

export const profileDir = (work: string, label: string) => path.join(work, `profile-${label}`);
