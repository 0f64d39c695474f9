import type { Row } from '../../server/http/resource.js';

/** The claim file an insurer receives: one row per claimed service, amounts in minor units. */
export const CLAIM_FILE_COLUMNS = [
  'claimNumber', 'payerCode', 'memberNumber', 'patientMrn', 'patientName', 'invoiceNumber',
  'serviceDate', 'priceCode', 'description', 'quantity', 'amountClaimed',
] as const;

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  // Quote when needed, and defuse cells a spreadsheet would run as a formula.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function claimFileRows(claim: Row, lines: Row[]) {
  return lines.map((l) => ({ claimNumber: claim.number, payerCode: claim.payerCode, ...Object.fromEntries(CLAIM_FILE_COLUMNS.slice(2).map((c) => [c, l[c]])) }));
}

export function claimCsv(claim: Row, lines: Row[]): string {
  const rows = claimFileRows(claim, lines) as Record<string, unknown>[];
  return [CLAIM_FILE_COLUMNS.join(','), ...rows.map((r) => CLAIM_FILE_COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\r\n') + '\r\n';
}

export function claimJson(claim: Row, lines: Row[], currency: string) {
  return {
    claim: { number: claim.number, payerCode: claim.payerCode, periodFrom: claim.periodFrom, periodTo: claim.periodTo, currency, claimedTotal: claim.claimedTotal, lineCount: lines.length },
    lines: claimFileRows(claim, lines),
  };
}
