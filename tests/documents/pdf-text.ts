/** Text and images of a PDF through poppler-utils, as a reader of the printed page sees them. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function withFile<T>(pdf: Buffer, fn: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'his-pdf-'));
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return fn(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const pdfText = (pdf: Buffer): string => withFile(pdf, (f) => execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' }));

/** Number of images drawn in the PDF (the letterhead logo). */
export const pdfImageCount = (pdf: Buffer): number =>
  withFile(pdf, (f) => execFileSync('pdfimages', ['-list', f], { encoding: 'utf8' }).trim().split('\n').length - 2);
