// Reading stored documents: upgrade (domain/migrations.ts), then parse with the type's schema.
// A document that still does not parse is never dropped silently: it is reported to the
// workspace's `UnreadableLog`, which the layout shows ("N bản ghi không đọc được"), and it
// stays in the database untouched.
import type { z } from 'zod';
import { migrate } from '$lib/domain/migrations';

export class UnreadableLog {
  private readonly ids = new Set<string>();
  private readonly listeners = new Set<(count: number) => void>();

  add(id: string): void {
    if (this.ids.has(id)) return;
    this.ids.add(id);
    this.listeners.forEach((l) => l(this.ids.size));
  }

  get count(): number {
    return this.ids.size;
  }

  subscribe(listener: (count: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Where readers report without a workspace (tests, tools): counted, never shown. */
export const detachedLog = new UnreadableLog();

/** The parsed document, or null (reported to `log`) when it cannot be read. */
export function readDoc<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  log: UnreadableLog,
): z.infer<S> | null {
  const parsed = schema.safeParse(migrate(raw).doc);
  if (parsed.success) return parsed.data;
  const id = raw && typeof raw === 'object' ? (raw as { _id?: unknown })._id : undefined;
  log.add(typeof id === 'string' ? id : '(no id)');
  return null;
}

/** Every readable document of `rows` (allDocs with include_docs), the rest reported. */
export function readRows<S extends z.ZodType>(
  schema: S,
  rows: readonly unknown[],
  log: UnreadableLog,
): z.infer<S>[] {
  const out: z.infer<S>[] = [];
  for (const row of rows) {
    const doc =
      row && typeof row === 'object' && 'doc' in row ? (row as { doc: unknown }).doc : null;
    if (!doc) continue;
    const parsed = readDoc(schema, doc, log);
    if (parsed !== null) out.push(parsed);
  }
  return out;
}
