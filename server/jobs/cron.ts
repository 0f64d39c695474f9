/**
 * A five-field cron matcher (minute hour day-of-month month day-of-week) for the in-process
 * job runner; BullMQ schedules the same patterns itself. Supports *, lists, ranges and steps.
 */
const FIELDS = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12 },
  { min: 0, max: 7 },
];

function expand(part: string, { min, max }: { min: number; max: number }, pattern: string): Set<number> {
  const out = new Set<number>();
  for (const item of part.split(',')) {
    const [range, stepText] = item.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    let [from, to] = range === '*' ? [min, max] : range.split('-').map(Number);
    if (to === undefined) to = stepText === undefined ? from : max;
    if (![from, to, step].every(Number.isInteger) || step < 1 || from < min || to > max || from > to) {
      throw new Error(`Invalid cron pattern "${pattern}": "${part}" must lie within ${min}-${max}`);
    }
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return out;
}

export function parseCron(pattern: string): (d: Date) => boolean {
  const parts = pattern.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`Invalid cron pattern "${pattern}": five fields expected (minute hour day month weekday)`);
  const [mi, h, dom, mon, dow] = parts.map((p, i) => expand(p, FIELDS[i], pattern));
  if (dow.has(7)) dow.add(0);
  const anyDay = parts[2] === '*';
  const anyWeekday = parts[4] === '*';
  return (d) => {
    const dayOk = anyDay || anyWeekday ? dom.has(d.getDate()) && dow.has(d.getDay()) : dom.has(d.getDate()) || dow.has(d.getDay());
    return mi.has(d.getMinutes()) && h.has(d.getHours()) && mon.has(d.getMonth() + 1) && dayOk;
  };
}
