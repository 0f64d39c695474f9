/**
 * Where each tooth and surface sits on the odontogram: rows as the dentist faces the patient
 * (patient's right on the viewer's left), buccal towards the lips, mesial towards the midline.
 */
import type { Surface } from '../../teeth.js';

export const ROWS = {
  permanentUpper: [18, 17, 16, 15, 14, 13, 12, 11, 21, 22, 23, 24, 25, 26, 27, 28],
  permanentLower: [48, 47, 46, 45, 44, 43, 42, 41, 31, 32, 33, 34, 35, 36, 37, 38],
  primaryUpper: [55, 54, 53, 52, 51, 61, 62, 63, 64, 65],
  primaryLower: [85, 84, 83, 82, 81, 71, 72, 73, 74, 75],
};

export const TOOTH = 36;
export const GAP = 6;

const upper = (tooth: number) => [1, 2, 5, 6].includes(Math.floor(tooth / 10));
const viewerLeft = (tooth: number) => [1, 4, 5, 8].includes(Math.floor(tooth / 10));

/** Which surface each side of the drawn tooth shows. */
export function sides(tooth: number): { top: Surface; bottom: Surface; left: Surface; right: Surface; centre: Surface } {
  const anterior = tooth % 10 <= 3;
  return {
    top: upper(tooth) ? 'B' : 'L',
    bottom: upper(tooth) ? 'L' : 'B',
    left: viewerLeft(tooth) ? 'D' : 'M',
    right: viewerLeft(tooth) ? 'M' : 'D',
    centre: anterior ? 'I' : 'O',
  };
}

/** The five regions of a tooth box of size s at (x, y): four trapezoids around a centre square. */
export function regions(x: number, y: number, s = TOOTH) {
  const a = s / 3.2;
  const b = s - a;
  const p = (pts: [number, number][]) => pts.map(([px, py]) => `${x + px},${y + py}`).join(' ');
  return {
    top: p([[0, 0], [s, 0], [b, a], [a, a]]),
    right: p([[s, 0], [s, s], [b, b], [b, a]]),
    bottom: p([[0, s], [a, b], [b, b], [s, s]]),
    left: p([[0, 0], [a, a], [a, b], [0, s]]),
    centre: p([[a, a], [b, a], [b, b], [a, b]]),
  };
}

export const CONDITION_COLOURS: Record<string, string> = {
  caries: '#d32f2f',
  filled: '#1976d2',
  sealant: '#2e7d32',
  fracture: '#ed6c02',
};
