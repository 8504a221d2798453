// The report as a Word document in the layout of Decree 30/2020/NĐ-CP, Appendix I: A4
// portrait; margins 20 mm top and bottom, 30 mm left, 15 mm right; Times New Roman; the header
// and the signature as two borderless columns; page numbers centred in the top margin from
// page 2. The `docx` library is loaded only when a report is made, so the app the person signs
// in to does not carry it.
import type { ReportModel } from './model';

/** Point sizes in half-points, as Word counts them. */
const pt = (n: number) => n * 2;
const FONT = 'Times New Roman';
/** Millimetres in twips, rounded (A4 is 11906 × 16838). */
const mm = (n: number) => Math.round((n * 1440) / 25.4);

export async function reportDocx(model: ReportModel): Promise<Blob> {
  const d = await import('docx');
  const {
    AlignmentType,
    BorderStyle,
    Document,
    Header,
    Packer,
    PageNumber,
    Paragraph,
    Table,
    TableBorders,
    TableCell,
    TableLayoutType,
    TableRow,
    TextRun,
    WidthType,
  } = d;

  type Run = { text: string; bold?: boolean; italics?: boolean; size?: number };
  const run = (r: Run) => new TextRun({ font: FONT, ...r, size: pt(r.size ?? 14) });
  const centred = (runs: Run[], extra: Record<string, unknown> = {}) =>
    new Paragraph({ alignment: AlignmentType.CENTER, children: runs.map(run), ...extra });
  /** A short rule under a centred line: a bottom border on a narrow paragraph. */
  const rule = (indentMm: number) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      indent: { left: mm(indentMm), right: mm(indentMm) },
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
      spacing: { after: 120 },
      children: [],
    });
  const body = (text: string, opts: { bold?: boolean; indent?: boolean } = {}) =>
    new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: opts.indent === false ? undefined : { firstLine: mm(12.7) },
      spacing: { before: 120, line: 312 },
      children: [run({ text, bold: opts.bold })],
    });
  const noBorders = TableBorders.NONE;
  const cell = (children: InstanceType<typeof Paragraph>[], widthPct: number) =>
    new TableCell({
      width: { size: widthPct, type: WidthType.PERCENTAGE },
      borders: {
        top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
        bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
        left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
        right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
      },
      children,
    });
  const twoColumns = (
    left: InstanceType<typeof Paragraph>[],
    right: InstanceType<typeof Paragraph>[],
    split = 40,
  ) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: noBorders,
      rows: [
        new TableRow({ cantSplit: true, children: [cell(left, split), cell(right, 100 - split)] }),
      ],
    });

  const header = twoColumns(
    [
      centred([{ text: model.issuer[0], size: 12 }]),
      centred([{ text: model.issuer[1], bold: true, size: 12 }]),
      rule(18),
      centred([{ text: model.numberLine, size: 13 }]),
    ],
    [
      centred([{ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, size: 12 }]),
      centred([{ text: 'Độc lập - Tự do - Hạnh phúc', bold: true, size: 14 }]),
      rule(24),
      centred([{ text: model.placeDate, italics: true, size: 14 }]),
    ],
    38,
  );

  const content: (InstanceType<typeof Paragraph> | InstanceType<typeof Table>)[] = [
    header,
    centred([{ text: model.title, bold: true, size: 14 }], { spacing: { before: 360 } }),
    centred([{ text: model.summary, bold: true, size: 14 }]),
    rule(65),
    body(model.opening),
  ];
  for (const part of model.parts) {
    content.push(body(part.heading, { bold: true }));
    for (const p of part.paragraphs) content.push(body(p));
    for (const s of part.sections) {
      content.push(body(s.heading, { bold: true }));
      for (const p of s.paragraphs) content.push(body(p));
    }
  }
  content.push(
    body('Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính của UBND xã./.'),
  );

  const recipients = model.recipients.map(
    (r, i) =>
      new Paragraph({
        children: [
          run({ text: `- ${r}${i === model.recipients.length - 1 ? '.' : ';'}`, size: 11 }),
        ],
      }),
  );
  content.push(
    new Paragraph({ spacing: { before: 240 }, children: [] }),
    twoColumns(
      [
        new Paragraph({
          children: [run({ text: 'Nơi nhận:', bold: true, italics: true, size: 12 })],
        }),
        ...recipients,
      ],
      [
        ...model.signature.lines.map((l) => centred([{ text: l, bold: true, size: 14 }])),
        // Space for the signature and the seal.
        ...[0, 1, 2, 3].map(() => new Paragraph({ children: [] })),
        centred([{ text: model.signature.name, bold: true, size: 14 }]),
      ],
      50,
    ),
  );

  // The annex: one row per plan item, on its own page.
  // Column shares of the text width (165 mm): the item's title gets the room.
  const shares = [7, 31, 14, 9, ...model.annex.header.slice(4, -1).map(() => 9), 12];
  const textWidth = mm(210 - 30 - 15);
  const widths = shares.map((s) => Math.round((textWidth * s) / 100));
  const tableCell = (text: string | number, col: number, bold = false) =>
    new TableCell({
      width: { size: widths[col], type: WidthType.DXA },
      children: [
        new Paragraph({
          alignment: typeof text === 'number' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [run({ text: String(text), bold, size: 12 })],
        }),
      ],
    });
  content.push(
    new Paragraph({
      pageBreakBefore: true,
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [run({ text: model.annex.title, bold: true, size: 13 })],
    }),
    new Table({
      width: { size: textWidth, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [
        new TableRow({
          tableHeader: true,
          children: model.annex.header.map((h, i) => tableCell(h, i, true)),
        }),
        ...model.annex.rows.map(
          (r) => new TableRow({ children: r.map((v, i) => tableCell(v, i)) }),
        ),
      ],
    }),
  );

  const doc = new Document({
    creator: model.issuer.join(' '),
    title: `${model.title} ${model.summary}`,
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10) },
          },
        },
        headers: {
          first: new Header({ children: [] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ font: FONT, size: pt(13), children: [PageNumber.CURRENT] }),
                ],
              }),
            ],
          }),
        },
        children: content,
      },
    ],
  });
  return Packer.toBlob(doc);
}
