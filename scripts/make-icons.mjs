// Draws Fieldbook's app icons (a white notebook on green) as PNG without image tools.
// Run once: node scripts/make-icons.mjs — the output is committed under static/icons.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function icon(size, safeZone) {
  const green = [11, 93, 59];
  const white = [255, 255, 255];
  const rows = [];
  const inset = safeZone ? 0.3 : 0.2;
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      const u = x / size;
      const v = y / size;
      const inBook = u > inset && u < 1 - inset && v > inset - 0.04 && v < 1 - inset + 0.04;
      const line =
        inBook && u > inset + 0.08 && u < 1 - inset - 0.06 && Math.floor(v * 20) % 3 === 0;
      const spine = inBook && u < inset + 0.05;
      const c = !inBook ? green : spine || line ? green : white;
      row.push(...c, 255);
    }
    rows.push(Buffer.from(row));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

writeFileSync('static/icons/icon-192.png', icon(192, false));
writeFileSync('static/icons/icon-512.png', icon(512, false));
writeFileSync('static/icons/icon-maskable-512.png', icon(512, true));
writeFileSync('static/favicon.png', icon(64, false));
