// Runs in Chromium: the app's own photo compression (src/lib/data/photos/compress.ts), timed
// from inside the page on a photo handed in as a phone camera writes it.
import { compressPhoto } from '$lib/data/photos/compress';

const bench = {
  /** Compresses the JPEG (base64) `times` times; each run's time and what it made. */
  async compress(base64: string, times: number) {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const file = new Blob([bytes], { type: 'image/jpeg' });
    const runs = [];
    for (let i = 0; i < times; i++) {
      const t0 = performance.now();
      const out = await compressPhoto(file);
      runs.push({
        ms: performance.now() - t0,
        bytes: out.photo.size,
        thumbBytes: out.thumb.size,
        width: out.width,
        height: out.height,
        type: out.type,
      });
    }
    return runs;
  },
};

(window as unknown as { fieldbookPhotoBench: typeof bench }).fieldbookPhotoBench = bench;
document.title = 'ready';
