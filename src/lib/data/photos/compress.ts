// Photos are re-encoded in the browser before anything is stored: decoded with the camera's
// EXIF orientation applied, scaled so the long edge is at most 1600 px, encoded as WebP (JPEG
// where the browser cannot encode WebP) at the highest quality that fits in 300 KB, with a
// thumbnail beside it. Re-encoding through a canvas writes no EXIF, so the phone's GPS
// position and clock never travel inside the file: place and time are the record's fields.
import { PHOTO_LIMITS, type PhotoType } from '$lib/domain/photos';

export interface CompressedPhoto {
  photo: Blob;
  thumb: Blob;
  type: PhotoType;
  width: number;
  height: number;
}

/** Why a file could not be used as a photo (shown in words by the form). */
export class PhotoError extends Error {
  constructor(readonly reason: 'notAnImage' | 'tooLarge') {
    super(`photo refused: ${reason}`);
    this.name = 'PhotoError';
  }
}

const QUALITIES = [0.82, 0.72, 0.62, 0.52, 0.42];

type Canvas = OffscreenCanvas | HTMLCanvasElement;

function canvasOf(w: number, h: number): Canvas {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(w, h);
  const c = document.createElement('canvas');
  c.width = w;
  c.height = h;
  return c;
}

function encode(canvas: Canvas, type: string, quality: number): Promise<Blob> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type, quality });
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode failed'))), type, quality),
  );
}

/** Width and height with the long edge at most `edge`, never enlarged. */
export function fitWithin(w: number, h: number, edge: number): [number, number] {
  const scale = Math.min(1, edge / Math.max(w, h));
  return [Math.max(1, Math.round(w * scale)), Math.max(1, Math.round(h * scale))];
}

let webp: boolean | null = null;

/** The best encoding this browser has: WebP where it can encode it, JPEG everywhere. */
async function bestType(): Promise<PhotoType> {
  if (webp === null) {
    // A canvas encodes only once it has a context; one that cannot encode WebP gives PNG.
    const c = canvasOf(2, 2);
    c.getContext('2d');
    const probe = await encode(c, 'image/webp', 0.8).catch(() => null);
    webp = probe?.type === 'image/webp';
  }
  return webp ? 'image/webp' : 'image/jpeg';
}

/** The image at `edge` px long edge in at most `maxBytes`: lower quality, then smaller. */
async function fit(
  bitmap: ImageBitmap,
  edge: number,
  maxBytes: number,
  type: PhotoType,
): Promise<{ blob: Blob; width: number; height: number }> {
  let [w, h] = fitWithin(bitmap.width, bitmap.height, edge);
  for (;;) {
    const canvas = canvasOf(w, h);
    const ctx = canvas.getContext('2d') as
      OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
    if (!ctx) throw new Error('no 2d canvas');
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, w, h);
    for (const q of QUALITIES) {
      const blob = await encode(canvas, type, q);
      if (blob.size <= maxBytes) return { blob, width: w, height: h };
    }
    // Still too large at the lowest quality we accept: a smaller image instead.
    if (Math.max(w, h) < 200) throw new PhotoError('tooLarge');
    [w, h] = [Math.round(w * 0.8), Math.round(h * 0.8)];
  }
}

/** A photo and its thumbnail, ready to store; the original file is never kept. */
export async function compressPhoto(file: Blob): Promise<CompressedPhoto> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new PhotoError('notAnImage');
  }
  try {
    const type = await bestType();
    const photo = await fit(bitmap, PHOTO_LIMITS.maxEdge, PHOTO_LIMITS.maxBytes, type);
    const thumb = await fit(bitmap, PHOTO_LIMITS.thumbEdge, PHOTO_LIMITS.thumbMaxBytes, type);
    return { photo: photo.blob, thumb: thumb.blob, type, width: photo.width, height: photo.height };
  } finally {
    bitmap.close();
  }
}
