import PDFDocument from 'pdfkit';
import type { DocumentLine, StatementDocument } from './statement-document.js';

/** Columns of the lines table on A4 (595 x 842 pt) with 50 pt margins: x and width in points. */
const COLUMNS = [
  { key: 'service', title: 'Service', x: 50, width: 80, align: 'left' },
  { key: 'model', title: 'Model', x: 130, width: 135, align: 'left' },
  { key: 'units', title: 'Units', x: 265, width: 110, align: 'right' },
  { key: 'apiCalls', title: 'Calls', x: 380, width: 50, align: 'right' },
  { key: 'amountUsd', title: 'Amount (USD)', x: 435, width: 110, align: 'right' },
] as const;

/** The characters of WinAnsi beyond Latin-1, which the standard fonts also draw. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * Text the standard fonts can draw: they encode WinAnsi only, and pdfkit would draw anything else
 * as unrelated glyphs. Other characters (e.g. a CJK tenant name) become "?"; the CSV keeps them.
 */
export function drawable(text: string): string {
  return [...text].map((ch) => (/[\x20-\x7e\xa0-\xff]/.test(ch) || WIN_ANSI_EXTRA.has(ch) ? ch : '?')).join('');
}

/**
 * A printable A4 statement (pdfkit, the standard Helvetica fonts: nothing to bundle): header
 * with platform, tenant, period, number and status, the lines table, the adjustment lines with
 * the month each corrects, and the totals. Resolves with the whole file.
 */
export function statementPdf(doc: StatementDocument): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Statement ${doc.number} ${doc.tenantName} ${doc.period}`, Author: doc.platform } });
  const tenantName = drawable(doc.tenantName);
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  pdf.font('Helvetica-Bold').fontSize(18).text(doc.platform, 50, 50);
  pdf.font('Helvetica').fontSize(10).fillColor('#555').text('Usage statement', 50, 74);
  pdf.fillColor('#000');
  const facts: [string, string][] = [
    ['Customer', tenantName],
    ['Period', doc.period],
    ['Statement number', doc.number],
    ['Status', doc.status],
    ['Finalized', doc.finalizedAt ?? '—'],
  ];
  let y = 104;
  for (const [label, value] of facts) {
    pdf.font('Helvetica-Bold').fontSize(10).text(label, 50, y, { width: 120 });
    pdf.font('Helvetica').text(value, 170, y, { width: 375 });
    y += 16;
  }

  y = table(pdf, y + 14, 'Usage of the month', doc.lines);
  if (doc.adjustments.length > 0) {
    y = table(pdf, y + 10, 'Adjustments of earlier finalized months (late or voided events)', doc.adjustments);
  }

  y = room(pdf, y + 10, 70);
  pdf.moveTo(300, y).lineTo(545, y).stroke();
  y += 6;
  const totals: [string, string][] = [['Month', doc.monthTotalUsd], ...(doc.adjustments.length > 0 ? ([['Adjustments', doc.adjustmentsTotalUsd]] as [string, string][]) : []), ['Total (USD)', doc.totalUsd]];
  for (const [label, value] of totals) {
    pdf.font(label.startsWith('Total') ? 'Helvetica-Bold' : 'Helvetica').fontSize(10).text(label, 300, y, { width: 120 });
    pdf.text(value, 420, y, { width: 125, align: 'right' });
    y += 16;
  }
  if (doc.status === 'OPEN') {
    pdf.font('Helvetica-Oblique').fontSize(9).fillColor('#555').text('This statement is OPEN: the month can still change. Its number is given when it is finalized.', 50, y + 12, { width: 495 });
  }
  pdf.end();
  return done;
}

function table(pdf: PDFKit.PDFDocument, top: number, title: string, lines: DocumentLine[]): number {
  let y = room(pdf, top, 60);
  pdf.font('Helvetica-Bold').fontSize(11).fillColor('#000').text(title, 50, y);
  y += 18;
  const header = (at: number) => {
    pdf.font('Helvetica-Bold').fontSize(9);
    for (const column of COLUMNS) pdf.text(column.title, column.x, at, { width: column.width, align: column.align });
    pdf.moveTo(50, at + 13).lineTo(545, at + 13).stroke();
    return at + 18;
  };
  y = header(y);
  if (lines.length === 0) {
    pdf.font('Helvetica-Oblique').fontSize(9).text('No usage.', 50, y);
    return y + 14;
  }
  for (const line of lines) {
    if (y > pdf.page.height - 80) {
      pdf.addPage();
      y = header(50);
    }
    // An adjustment names the month it corrects after the model, kept whole when the model is cut.
    const month = line.adjustmentOf ? ` (${line.adjustmentOf})` : '';
    pdf.font('Helvetica').fontSize(9);
    const cells: Record<(typeof COLUMNS)[number]['key'], string> = {
      service: line.service,
      model: `${fit(pdf, drawable(line.model), COLUMNS[1].width - pdf.widthOfString(month))}${month}`,
      units: `${line.units} ${line.unit}`,
      apiCalls: line.apiCalls,
      amountUsd: line.amountUsd,
    };
    for (const column of COLUMNS) pdf.text(fit(pdf, cells[column.key], column.width), column.x, y, { width: column.width, align: column.align, lineBreak: false });
    y += 14;
  }
  return y;
}

/** One line of a table cell: text wider than its column ends in "…" (pdfkit would wrap it over the next row). */
function fit(pdf: PDFKit.PDFDocument, text: string, width: number): string {
  if (pdf.widthOfString(text) <= width) return text;
  let end = text.length;
  while (end > 1 && pdf.widthOfString(`${text.slice(0, end)}…`) > width) end--;
  return `${text.slice(0, end)}…`;
}

/** A new page when fewer than `needed` points are left on this one. */
function room(pdf: PDFKit.PDFDocument, y: number, needed: number): number {
  if (y + needed <= pdf.page.height - 50) return y;
  pdf.addPage();
  return 50;
}
