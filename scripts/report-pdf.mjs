#!/usr/bin/env node
// Turns a report DOCX into PDF with LibreOffice and its pages into PNG images, so a person can
// look at the layout. Default input: the DOCX test/unit/report.test.ts writes. Needs `soffice`
// (Debian: libreoffice-writer); `pdftoppm` (poppler-utils) for the images. Without soffice it
// says so and exits 0: nothing in CI depends on it.
//   node scripts/report-pdf.mjs [file.docx]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const input = path.resolve(process.argv[2] ?? 'test-results/report/bao-cao-quy-III-2023.docx');
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

if (!existsSync(input)) {
  console.error(`no ${input}: run \`npx vitest run test/unit/report.test.ts\` first`);
  process.exit(1);
}
if (!has('soffice')) {
  console.log('soffice not found: install libreoffice-writer to make the PDF (skipped)');
  process.exit(0);
}
const outDir = path.dirname(input);
// A profile of its own, so a running LibreOffice of the person's is not disturbed.
const profile = mkdtempSync(path.join(os.tmpdir(), 'fieldbook-lo-'));
execFileSync(
  'soffice',
  [
    `-env:UserInstallation=file://${profile}`,
    '--headless',
    '--convert-to',
    'pdf',
    '--outdir',
    outDir,
    input,
  ],
  { stdio: 'inherit' },
);
const pdf = input.replace(/\.docx$/, '.pdf');
console.log(`PDF: ${pdf}`);
if (has('pdftoppm')) {
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, pdf.replace(/\.pdf$/, '-page')]);
  console.log(`pages: ${pdf.replace(/\.pdf$/, '-page-*.png')}`);
}
