/**
 * FDI (ISO 3950) tooth numbering and surfaces, shared by the API's validation and the
 * odontogram screen. Quadrants 1-4 are permanent teeth 1-8; quadrants 5-8 primary teeth 1-5,
 * counted from the midline.
 */
export const PERMANENT_TEETH = [1, 2, 3, 4].flatMap((q) => [1, 2, 3, 4, 5, 6, 7, 8].map((t) => q * 10 + t));
export const PRIMARY_TEETH = [5, 6, 7, 8].flatMap((q) => [1, 2, 3, 4, 5].map((t) => q * 10 + t));
export const ALL_TEETH = new Set([...PERMANENT_TEETH, ...PRIMARY_TEETH]);

export const SURFACES = ['M', 'O', 'D', 'B', 'L', 'I'] as const;
export type Surface = (typeof SURFACES)[number];
export const SURFACE_NAMES: Record<Surface, string> = { M: 'mesial', O: 'occlusal', D: 'distal', B: 'buccal', L: 'lingual', I: 'incisal' };

export const isTooth = (n: unknown): n is number => typeof n === 'number' && ALL_TEETH.has(n);

/** Incisors and canines (positions 1-3) bite with an incisal edge; premolars and molars with an occlusal surface. */
export const isAnterior = (tooth: number) => tooth % 10 <= 3;

/** Why a surface does not exist on a tooth, or null when it does. */
export function surfaceProblem(tooth: number, surface: string): string | null {
  if (!(SURFACES as readonly string[]).includes(surface)) return `"${surface}" is not a surface (M, O, D, B, L or I)`;
  if (surface === 'I' && !isAnterior(tooth)) return `tooth ${tooth} has no incisal edge (use O)`;
  if (surface === 'O' && isAnterior(tooth)) return `tooth ${tooth} has no occlusal surface (use I)`;
  return null;
}

export const CONDITIONS = [
  'caries',
  'filled',
  'missing',
  'crown',
  'root-canal',
  'fracture',
  'sealant',
  'impacted',
  'extraction-indicated',
  'bridge',
  'implant',
  'mobility',
] as const;
export type Condition = (typeof CONDITIONS)[number];
/** Conditions of the whole tooth: they take no surfaces. */
export const WHOLE_TOOTH: Condition[] = ['missing', 'crown', 'root-canal', 'impacted', 'extraction-indicated', 'bridge', 'implant', 'mobility'];
