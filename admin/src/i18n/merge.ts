/** Deep merge of translation trees: later trees win, nested keys are kept. */
export type Messages = { [key: string]: string | Messages };

export function mergeMessages(...trees: (Messages | Record<string, unknown> | undefined)[]): Messages {
  const out: Messages = {};
  for (const tree of trees) {
    if (!tree) continue;
    for (const [k, v] of Object.entries(tree)) {
      const prev = out[k];
      out[k] = v && typeof v === 'object' && prev && typeof prev === 'object' ? mergeMessages(prev, v as Messages) : (v as string | Messages);
    }
  }
  return out;
}
