// `multipart/related` document writes (a JSON part, then attachments). No Fieldbook client
// sends them (PouchDB writes JSON with inline attachments), so members are refused them; a
// server admin's is read whole and its JSON part checked first, because the embedded server
// never answers one whose JSON part is broken (it throws outside the request).
import type { IncomingHttpHeaders } from 'node:http';

export function isMultipart(headers: IncomingHttpHeaders): boolean {
  return /^multipart\//i.test(headers['content-type'] ?? '');
}

/** Why the body is not a well-formed multipart document write, or null. */
export function multipartProblem(contentType: string, body: Buffer): string | null {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) return 'multipart body without a boundary';
  const text = body.toString('latin1');
  const delimiter = `--${boundary}`;
  const start = text.indexOf(delimiter);
  if (start < 0) return 'multipart body without its boundary';
  const headEnd = text.indexOf('\r\n\r\n', start);
  if (headEnd < 0) return 'multipart part without headers';
  const next = text.indexOf(`\r\n${delimiter}`, headEnd);
  if (next < 0) return 'multipart body not closed';
  const head = text.slice(start + delimiter.length, headEnd);
  if (!/content-type:\s*application\/json/i.test(head)) return 'the first part must be JSON';
  try {
    const doc: unknown = JSON.parse(body.subarray(headEnd + 4, next).toString('utf8'));
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
      return 'the JSON part must be a document';
    }
  } catch {
    return 'the JSON part is not valid JSON';
  }
  return null;
}
