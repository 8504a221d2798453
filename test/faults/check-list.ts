// The fault run's verdicts: named checks, printed as they are decided, summed up at the end.

export class CheckList {
  private readonly results: { name: string; ok: boolean }[] = [];

  check(name: string, ok: boolean, detail = ''): boolean {
    this.results.push({ name, ok });
    console.log(`${ok ? 'ok  ' : 'FAIL'}  ${name}${detail ? ` — ${detail}` : ''}`);
    return ok;
  }

  get failed(): number {
    return this.results.filter((r) => !r.ok).length;
  }

  summary(): string {
    return `${this.results.length - this.failed} passed, ${this.failed} failed`;
  }
}
