// A device's owner at work: new checks through the real repository, and now and then an edit
// of one of their own drafts, remembering what they wrote so nothing can go missing unseen.
import { FieldCheckRepository } from '../../src/lib/data/field-checks.repo.ts';
import type { Author, FieldCheckInput } from '../../src/lib/domain/field-check-factory.ts';
import { emptyInput } from '../../src/lib/domain/field-check-factory.ts';
import type { FieldCheck } from '../../src/lib/domain/field-check.ts';
import type { Device } from '../support/harness/device.ts';

export class Writer {
  /** Latest revision of every record this device wrote, by id. */
  readonly written = new Map<string, FieldCheck>();
  private readonly repo: FieldCheckRepository;
  private serial = 0;

  constructor(
    readonly device: Device,
    private readonly author: Author,
  ) {
    this.repo = new FieldCheckRepository(device.local);
  }

  async writeOne(): Promise<void> {
    const n = this.serial++;
    const input = emptyInput('environment', new Date());
    input.hamlet = `Thôn ${(n % 9) + 1}`;
    input.findings = `Ghi nhận ${n} trong lúc mạng chập chờn.`;
    input.note = `${this.device.label} #${n}`;
    const doc = await this.repo.createDraft(input, this.author);
    this.written.set(doc._id, doc);
    // Every fourth write also edits an earlier draft: revision trees must converge too.
    if (n % 4 === 3) await this.editOne();
  }

  async writeMany(count: number): Promise<void> {
    for (let i = 0; i < count; i++) await this.writeOne();
  }

  private async editOne() {
    const drafts = [...this.written.values()];
    const doc = drafts[Math.floor(Math.random() * drafts.length)];
    // The edit keeps identity and stamps (editFieldCheck spreads them back in): only text changes.
    const input = { ...doc, findings: `${doc.findings} (đã sửa)` } as unknown as FieldCheckInput;
    const next = await this.repo.saveDraft(doc, input);
    this.written.set(next._id, next);
  }
}
