// Three devices write while the link flaps: down (every connection cut, new ones refused) and
// up again, over and over, with drops, delays and responses cut half-way in between. Half the
// outages are announced to the device (the browser's offline/online events), half are silent
// (Wi-Fi up, no route): those the engine's retry and back-off must ride out alone.
import type { Rig } from './rig.ts';
import { keepWriting } from './rig.ts';

export interface FlapReport {
  flaps: number;
  announced: number;
  ms: number;
}

const between = (lo: number, hi: number) => lo + Math.random() * (hi - lo);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function flapTheLink(rig: Rig, flaps: number, budgetMs: number): Promise<FlapReport> {
  rig.proxy.faults = { dropRate: 0.05, delayRate: 0.2, delayMs: [20, 300], cutRate: 0.05 };
  const stopWriting = keepWriting(rig.writers, 250);
  const t0 = Date.now();
  let done = 0;
  let announced = 0;
  // Outages and uptimes shrink when the time budget runs short, never the number of flaps.
  const scale = () => Math.max(0.2, Math.min(1, (budgetMs - (Date.now() - t0)) / budgetMs));
  for (; done < flaps; done++) {
    const announce = process.env.FAULTS_SILENT !== '1' && done % 2 === 0;
    rig.proxy.setLink(false);
    if (announce) for (const d of rig.devices) d.env.setOnline(false);
    await sleep(between(50, 400) * scale());
    rig.proxy.setLink(true);
    if (announce) {
      announced += 1;
      for (const d of rig.devices) d.env.setOnline(true);
    }
    await sleep(between(200, 1200) * scale());
  }
  await stopWriting();
  rig.proxy.faults = { dropRate: 0, delayRate: 0, delayMs: [0, 0], cutRate: 0 };
  // The network is back for good, and the phone says so.
  for (const d of rig.devices) d.env.setOnline(true);
  return { flaps: done, announced, ms: Date.now() - t0 };
}
