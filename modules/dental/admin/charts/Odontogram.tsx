/**
 * A clickable chart of the teeth (SVG). Surface findings colour the surface; whole-tooth
 * findings are drawn on the tooth (missing: a cross, crown: a ring, root canal: a bar) and named
 * under it. Clicking a tooth selects it for editing.
 */
import type { Condition } from '../../teeth.js';
import { CONDITION_COLOURS, GAP, ROWS, TOOTH, regions, sides } from './odontogram-layout.js';

export interface Finding {
  tooth: number;
  condition: Condition;
  surfaces: string[];
  notes?: string | null;
}

const ABBREVIATIONS: Partial<Record<Condition, string>> = {
  crown: 'CR',
  'root-canal': 'RCT',
  impacted: 'IMP',
  'extraction-indicated': 'EXT',
  bridge: 'BR',
  implant: 'IMPL',
  mobility: 'MOB',
};

function Tooth({ tooth, x, y, findings, selected, onSelect }: { tooth: number; x: number; y: number; findings: Finding[]; selected: boolean; onSelect(t: number): void }) {
  const r = regions(x, y);
  const side = sides(tooth);
  const fill = (surface: string) => {
    const f = findings.find((x) => x.surfaces.includes(surface));
    return f ? (CONDITION_COLOURS[f.condition] ?? '#9e9e9e') : '#fff';
  };
  const has = (c: Condition) => findings.some((f) => f.condition === c);
  const label = findings.map((f) => ABBREVIATIONS[f.condition]).filter(Boolean).join(' ');
  return (
    <g role="button" aria-label={`tooth ${tooth}`} data-tooth={tooth} style={{ cursor: 'pointer' }} onClick={() => onSelect(tooth)}>
      <text x={x + TOOTH / 2} y={y - 4} textAnchor="middle" fontSize={11}>
        {tooth}
      </text>
      {(['top', 'right', 'bottom', 'left', 'centre'] as const).map((k) => (
        <polygon key={k} points={r[k]} fill={fill(side[k])} stroke={selected ? '#6a1b9a' : '#555'} strokeWidth={selected ? 2 : 1}>
          <title>{`${tooth} ${side[k]}`}</title>
        </polygon>
      ))}
      {has('missing') && <path d={`M${x} ${y} L${x + TOOTH} ${y + TOOTH} M${x + TOOTH} ${y} L${x} ${y + TOOTH}`} stroke="#000" strokeWidth={2} />}
      {has('crown') && <circle cx={x + TOOTH / 2} cy={y + TOOTH / 2} r={TOOTH / 2 + 2} fill="none" stroke="#b8860b" strokeWidth={2} />}
      {has('root-canal') && <line x1={x + TOOTH / 2} y1={y - 2} x2={x + TOOTH / 2} y2={y + TOOTH + 2} stroke="#6a1b9a" strokeWidth={3} />}
      {label && (
        <text x={x + TOOTH / 2} y={y + TOOTH + 12} textAnchor="middle" fontSize={9}>
          {label}
        </text>
      )}
    </g>
  );
}

export function Odontogram({ findings, dentition, selected, onSelect }: { findings: Finding[]; dentition: string; selected?: number | null; onSelect(t: number): void }) {
  const rows: number[][] = [];
  if (dentition !== 'primary') rows.push(ROWS.permanentUpper);
  if (dentition !== 'permanent') rows.push(ROWS.primaryUpper, ROWS.primaryLower);
  if (dentition !== 'primary') rows.push(ROWS.permanentLower);
  const step = TOOTH + GAP;
  const width = 16 * step + 2 * GAP;
  const rowHeight = TOOTH + 34;
  return (
    <svg viewBox={`0 0 ${width} ${rows.length * rowHeight + 10}`} width="100%" style={{ maxWidth: 900 }} aria-label="odontogram">
      {rows.map((row, i) => {
        // Centre shorter (primary) rows on the midline.
        const offset = ((16 - row.length) / 2) * step + GAP;
        return row.map((tooth, j) => (
          <Tooth
            key={tooth}
            tooth={tooth}
            x={offset + j * step + (j >= row.length / 2 ? GAP : 0)}
            y={i * rowHeight + 18}
            findings={findings.filter((f) => f.tooth === tooth)}
            selected={selected === tooth}
            onSelect={onSelect}
          />
        ));
      })}
    </svg>
  );
}
