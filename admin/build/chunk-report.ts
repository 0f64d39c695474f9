/**
 * Sizes of a build's JavaScript chunks, raw and gzipped, and which of them index.html loads
 * up front (the entry and its modulepreloads): that total is the sign-in page's budget.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface ChunkSize {
  file: string;
  bytes: number;
  gzip: number;
  initial: boolean;
}

export interface ChunkReport {
  chunks: ChunkSize[];
  initialGzip: number;
  totalGzip: number;
}

export const gzipSize = (buf: Buffer) => zlib.gzipSync(buf, { level: 9 }).length;

export function chunkReport(outDir: string): ChunkReport {
  const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]));
  const assets = path.join(outDir, 'assets');
  const chunks = fs
    .readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => {
      const buf = fs.readFileSync(path.join(assets, f));
      return { file: `assets/${f}`, bytes: buf.length, gzip: gzipSize(buf), initial: initial.has(`assets/${f}`) };
    })
    .sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);
  const sum = (list: ChunkSize[]) => list.reduce((n, c) => n + c.gzip, 0);
  return { chunks, initialGzip: sum(chunks.filter((c) => c.initial)), totalGzip: sum(chunks) };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

export function formatReport(r: ChunkReport): string {
  const rows = r.chunks.map((c) => `  ${c.initial ? '*' : ' '} ${c.file.padEnd(52)} ${kb(c.bytes).padStart(10)} ${kb(c.gzip).padStart(10)} gzip`);
  return [
    'JavaScript chunks (* = loaded by the sign-in page):',
    ...rows,
    `  before sign-in: ${kb(r.initialGzip)} gzip (budget 300 kB); all chunks: ${kb(r.totalGzip)} gzip`,
  ].join('\n');
}
