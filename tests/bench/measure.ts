/**
 * Benchmark helpers: the API and the direct query are measured in the same run, interleaved,
 * and reported as a ratio of medians (never as absolute targets).
 */
export interface Measure {
  label: string;
  apiP50: number;
  directP50: number;
  apiP95: number;
  directP95: number;
  ratio: number;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function time(fn: () => Promise<unknown>) {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/**
 * Runs `api(i)` and `direct(i)` alternately `iterations` times after a warm-up of each. The
 * warm-up is long enough for V8 to optimise the request path (Express, Sequelize, the
 * handler), as it is on a server that has answered its first few hundred requests; with 20
 * rounds the API was measured partly unoptimised, some 20% slower than it runs for its users.
 */
export async function compare(
  label: string,
  api: (i: number) => Promise<unknown>,
  direct: (i: number) => Promise<unknown>,
  iterations = 200,
  warmup = 300,
): Promise<Measure> {
  for (let i = 0; i < warmup; i++) {
    await api(i);
    await direct(i);
  }
  const a: number[] = [];
  const d: number[] = [];
  for (let i = 0; i < iterations; i++) {
    a.push(await time(() => api(i)));
    d.push(await time(() => direct(i)));
  }
  const m = { label, apiP50: pct(a, 50), directP50: pct(d, 50), apiP95: pct(a, 95), directP95: pct(d, 95), ratio: 0 };
  m.ratio = m.apiP50 / m.directP50;
  return m;
}

export const format = (m: Measure) =>
  `${m.label}: api p50 ${m.apiP50.toFixed(1)} ms, direct p50 ${m.directP50.toFixed(1)} ms, ratio ${m.ratio.toFixed(2)}  (p95 ${m.apiP95.toFixed(1)} / ${m.directP95.toFixed(1)} ms)`;

export function progress(label: string) {
  let last = -1;
  return (done: number, total: number) => {
    const pctDone = Math.floor((done / total) * 100);
    if (pctDone === last) return;
    last = pctDone;
    const bar = '#'.repeat(Math.floor(pctDone / 5)).padEnd(20, '.');
    process.stdout.write(`\r  ${label} [${bar}] ${String(pctDone).padStart(3)}% (${done}/${total})${done >= total ? '\n' : ''}`);
  };
}
