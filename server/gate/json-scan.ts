// One pass over a JSON text before it is parsed: how deep it nests and whether an object
// repeats a key. Deep nesting overflowed the embedded server's stack (a 500 naming the error);
// a repeated key is read as its last value by JavaScript and could be read differently by the
// database (CouchDB's `_users` privilege escalation, CVE-2017-12635, was exactly that), so the
// gate refuses both instead of deciding on a different reading than the database's.
export type ScanProblem = 'too deep' | 'repeated key' | null;

interface Frame {
  keys: Set<string> | null; // null for arrays
  expectKey: boolean;
}

export function scanJson(text: string, maxDepth: number): ScanProblem {
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x22) break;
      }
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) {
        let key: string;
        try {
          key = JSON.parse(text.slice(start, i + 1)) as string;
        } catch {
          return null; // not JSON at all: JSON.parse will say so
        }
        if (top.keys.has(key)) return 'repeated key';
        top.keys.add(key);
        top.expectKey = false;
      }
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      stack.push({ keys: c === 0x7b ? new Set() : null, expectKey: c === 0x7b });
      if (stack.length > maxDepth) return 'too deep';
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectKey = true;
    }
  }
  return null;
}
