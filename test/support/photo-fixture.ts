// A 12-megapixel photo for tests and benchmarks, made in the browser (no image library in
// Node): sky and ground gradients, shapes, and a little sensor noise, as JPEG at quality 0.92
// (several MB, like a phone camera's). `withOrientation` adds the EXIF block a phone writes
// when it was held upright (orientation 6: the pixels are stored sideways).

/** Runs in the page: the JPEG as base64. Self-contained (Playwright sends its source). */
export async function makePhotoInPage(arg: { width: number; height: number; seed: number }) {
  const { width, height } = arg;
  let seed = arg.seed;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  const sky = ctx.createLinearGradient(0, 0, 0, height * 0.6);
  sky.addColorStop(0, '#4a7fc1');
  sky.addColorStop(1, '#cfe3f5');
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, width, height);
  const ground = ctx.createLinearGradient(0, height * 0.55, 0, height);
  ground.addColorStop(0, '#5b7d3a');
  ground.addColorStop(1, '#3b2f1e');
  ctx.fillStyle = ground;
  ctx.fillRect(0, height * 0.55, width, height * 0.45);
  for (let i = 0; i < 400; i++) {
    ctx.fillStyle = `hsl(${Math.floor(rand() * 360)} 40% ${Math.floor(20 + rand() * 60)}%)`;
    ctx.beginPath();
    ctx.arc(rand() * width, height * 0.4 + rand() * height * 0.6, 10 + rand() * 120, 0, 7);
    ctx.fill();
  }
  // Sensor noise in bands, so the file is as heavy as a real photo's.
  const band = 200;
  for (let y = 0; y < height; y += band) {
    const img = ctx.getImageData(0, y, width, Math.min(band, height - y));
    const d = img.data;
    for (let i = 0; i < d.length; i += 4) {
      const n = (rand() - 0.5) * 24;
      d[i] += n;
      d[i + 1] += n;
      d[i + 2] += n;
    }
    ctx.putImageData(img, 0, y);
  }
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** The JPEG with an EXIF APP1 block (orientation `o`) after its SOI. */
export function withOrientation(jpeg: Uint8Array, o: number): Uint8Array {
  // TIFF, big-endian: header, IFD0 with one entry (0x0112 Orientation, SHORT, 1, o), no next IFD.
  const tiff = [
    0x4d,
    0x4d,
    0x00,
    0x2a,
    0x00,
    0x00,
    0x00,
    0x08,
    0x00,
    0x01,
    0x01,
    0x12,
    0x00,
    0x03,
    0x00,
    0x00,
    0x00,
    0x01,
    0x00,
    o,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
  ];
  const payload = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00, ...tiff]; // "Exif\0\0"
  const len = payload.length + 2;
  const app1 = [0xff, 0xe1, len >> 8, len & 0xff, ...payload];
  const out = new Uint8Array(jpeg.length + app1.length);
  out.set(jpeg.subarray(0, 2), 0);
  out.set(app1, 2);
  out.set(jpeg.subarray(2), 2 + app1.length);
  return out;
}

/** Whether bytes carry an EXIF block ("Exif\0\0"). */
export function hasExif(bytes: Uint8Array): boolean {
  for (let i = 0; i + 6 <= bytes.length && i < 64 * 1024; i++) {
    if (
      bytes[i] === 0x45 &&
      bytes[i + 1] === 0x78 &&
      bytes[i + 2] === 0x69 &&
      bytes[i + 3] === 0x66 &&
      bytes[i + 4] === 0 &&
      bytes[i + 5] === 0
    )
      return true;
  }
  return false;
}
