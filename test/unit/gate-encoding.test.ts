// The /db gate's compression helpers: which answers are compressed, and a feed's compressor
// flushing every chunk so a change is readable before the answer ends.
import type { IncomingMessage } from 'node:http';
import { createGunzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptedEncoding, responseCompressor } from '../../server/gate/encoding.ts';

const request = (headers: Record<string, string>, method = 'GET') =>
  ({ method, headers }) as unknown as IncomingMessage;
const json = { 'content-type': 'application/json' };

describe('compression of /db answers', () => {
  it('follows Accept-Encoding, q=0 included', () => {
    expect(acceptedEncoding({ 'accept-encoding': 'gzip, deflate, br' })).toBe('gzip');
    expect(acceptedEncoding({ 'accept-encoding': 'br' })).toBe('br');
    expect(acceptedEncoding({ 'accept-encoding': 'gzip;q=0, identity' })).toBeNull();
    expect(acceptedEncoding({})).toBeNull();
  });

  it('leaves alone what is small, already compressed, a photo or a HEAD', () => {
    const gzip = request({ 'accept-encoding': 'gzip' });
    expect(responseCompressor(gzip, 200, { ...json, 'content-length': '40' }, false)).toBeNull();
    expect(responseCompressor(gzip, 200, { 'content-type': 'image/jpeg' }, false)).toBeNull();
    expect(
      responseCompressor(gzip, 200, { ...json, 'content-encoding': 'gzip' }, false),
    ).toBeNull();
    expect(
      responseCompressor(request({ 'accept-encoding': 'gzip' }, 'HEAD'), 200, json, false),
    ).toBeNull();
    expect(responseCompressor(gzip, 200, json, false)?.encoding).toBe('gzip');
  });

  it("flushes a feed's every chunk: the first change is readable while the answer is open", async () => {
    const compressor = responseCompressor(request({ 'accept-encoding': 'gzip' }), 200, json, true);
    expect(compressor).not.toBeNull();
    const gunzip = createGunzip();
    compressor!.stream.pipe(gunzip);
    const firstText = new Promise<string>((resolve) =>
      gunzip.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8'))),
    );
    compressor!.stream.write('{"results":[{"id":"check:1","seq":"1"}\n');
    // The stream is still open: nothing but the flush can have produced this text.
    expect(await firstText).toContain('check:1');
    compressor!.stream.end(']}');
  });
});
