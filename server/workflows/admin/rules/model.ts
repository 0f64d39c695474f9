/**
 * The shape of json-rules-engine rules as the structured editor edits them, and the pure
 * helpers it needs (new rows, value parsing, the version diff).
 */
export interface Condition {
  fact: string;
  operator: string;
  value: unknown;
}
export type Group = { all: Node[] } | { any: Node[] };
export type Node = Condition | Group;
export interface Rule {
  name?: string;
  priority?: number;
  conditions: Group;
  event: { type: string; params?: Record<string, unknown> };
}

export const isGroup = (n: Node): n is Group => 'all' in n || 'any' in n;
export const groupKind = (g: Group): 'all' | 'any' => ('all' in g ? 'all' : 'any');
export const children = (g: Group): Node[] => ('all' in g ? g.all : g.any);
export const withChildren = (kind: 'all' | 'any', list: Node[]): Group => (kind === 'all' ? { all: list } : { any: list });

export const newCondition = (fact = ''): Condition => ({ fact, operator: 'equal', value: '' });
export const newRule = (): Rule => ({ name: 'New rule', conditions: { all: [newCondition()] }, event: { type: 'priority.set', params: { priority: 'normal' } } });

/** What a user types in a value box: numbers, booleans and JSON lists become values; the rest stays text. */
export function parseValue(text: string): unknown {
  const t = text.trim();
  if (t === '') return '';
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (t === 'true' || t === 'false') return t === 'true';
  if (t.startsWith('[') || t.startsWith('{')) {
    try {
      return JSON.parse(t);
    } catch {
      return text;
    }
  }
  return text;
}

export const showValue = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string };

/** Line diff (longest common subsequence) of two texts, for the version history. */
export function diffLines(a: string, b: string): DiffLine[] {
  const x = a.split('\n');
  const y = b.split('\n');
  const lcs: number[][] = Array.from({ length: x.length + 1 }, () => new Array(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--) for (let j = y.length - 1; j >= 0; j--) lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      out.push({ kind: 'same', text: x[i] });
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) out.push({ kind: 'removed', text: x[i++] });
    else out.push({ kind: 'added', text: y[j++] });
  }
  while (i < x.length) out.push({ kind: 'removed', text: x[i++] });
  while (j < y.length) out.push({ kind: 'added', text: y[j++] });
  return out;
}
