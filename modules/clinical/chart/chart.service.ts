import { ALLERGIES, DIAGNOSES, ENCOUNTERS_BEFORE, FIRST_ENCOUNTERS, PATIENT, VISITS, WINDOW_LIMIT, encodeCursor, type Cursor } from './chart.queries.js';

type Row = Record<string, any>;
/** Runs one statement with positional parameters: Sequelize in the API, plain `pg` in the bench. */
export type Query = (sql: string, params: unknown[]) => Promise<Row[]>;

export interface TimeWindow {
  /** Inclusive; null when the page reaches the patient's first record. */
  from: string | null;
  /** Exclusive; null on the first page. */
  to: string | null;
}

export interface ChartOptions {
  patientId: string;
  before: Cursor | null;
  limit: number;
  /** What the reader may see; a section left out is not queried at all. */
  include: { patient: boolean; diagnoses: boolean; visits: boolean; allergies: boolean };
  /** Vital signs from the triage module's service, when it is installed and readable. */
  vitalSigns?: (patientId: string, window: TimeWindow, limit: number) => Promise<Row[]>;
  /** Shapes each encounter for the reader (attribute filtering). */
  shapeEncounter?: (row: Row) => Row;
}

export interface ChartPage {
  patient?: Row | null;
  allergies?: Row[];
  /** Newest first: encounters (with their diagnoses), visits and vital signs of this page's window. */
  timeline: Row[];
  window: TimeWindow;
  nextCursor: string | null;
}

/**
 * One page of a patient's chart. A page holds `limit` encounters; the window it covers runs from
 * its oldest encounter (or the beginning, on the last page) up to the cursor, so the pages tile
 * the whole history and every visit or vital sign appears on exactly one page.
 */
export async function loadChart(query: Query, o: ChartOptions): Promise<ChartPage> {
  const rows = o.before
    ? await query(ENCOUNTERS_BEFORE, [o.patientId, o.limit + 1, o.before.at, o.before.id])
    : await query(FIRST_ENCOUNTERS, [o.patientId, o.limit + 1]);
  const hasMore = rows.length > o.limit;
  const encounters = rows.slice(0, o.limit);
  const last = encounters.at(-1);
  const window: TimeWindow = { from: hasMore && last ? last.cursorAt : null, to: o.before?.at ?? null };

  const [patient, allergies, diagnoses, visits, vitals] = await Promise.all([
    o.include.patient ? query(PATIENT, [o.patientId]).then((r) => r[0] ?? null) : undefined,
    o.include.allergies ? query(ALLERGIES, [o.patientId]) : undefined,
    o.include.diagnoses && encounters.length ? query(DIAGNOSES, [encounters.map((e) => e.id)]) : [],
    o.include.visits ? query(VISITS, [o.patientId, window.from, window.to, WINDOW_LIMIT]) : [],
    o.vitalSigns ? o.vitalSigns(o.patientId, window, WINDOW_LIMIT) : [],
  ]);

  const timeline: Row[] = [
    ...encounters.map(({ cursorAt: _c, ...e }) => ({
      kind: 'encounter',
      at: e.startedAt,
      ...(o.shapeEncounter ? o.shapeEncounter(e) : e),
      ...(o.include.diagnoses ? { diagnoses: diagnoses.filter((d) => d.encounterId === e.id) } : {}),
    })),
    ...visits.map((v) => ({ kind: 'visit', at: v.arrivedAt, ...v })),
    ...vitals.map((v) => ({ kind: 'vital-signs', at: v.takenAt ?? v.createdAt, ...v })),
  ].sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime());

  return {
    ...(patient !== undefined ? { patient } : {}),
    ...(allergies !== undefined ? { allergies } : {}),
    timeline,
    window,
    nextCursor: hasMore && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null,
  };
}
