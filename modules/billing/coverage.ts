/**
 * Who pays what. Coverage terms (co-payment, excluded items) belong to the insurance module,
 * which depends on billing and plugs a resolver in at bootstrap; billing never reads insurance
 * tables. With no insurance module installed every patient pays the whole amount.
 */
export interface Coverage {
  payerCode: string;
  memberNumber: string;
  /** Share of each covered line the patient pays, 0-100. */
  copayPercent: number;
  /** Price codes the payer does not cover: the patient pays them in full. */
  excludedPriceCodes: string[];
}

/** The patient's coverage on a service date, or null when not insured then. */
export type CoverageResolver = (patientId: string, onDate: string) => Promise<Coverage | null>;

export interface LineShares {
  amount: number;
  insurerAmount: number;
  patientAmount: number;
  coverageNote: string;
}

/** Splits a line between insurer and patient; the patient's co-payment is rounded to the minor unit. */
export function splitLine(line: { priceCode: string; quantity: number; unitPrice: number; discount: number }, coverage: Coverage | null): LineShares {
  const amount = line.quantity * line.unitPrice - line.discount;
  if (!coverage) return { amount, insurerAmount: 0, patientAmount: amount, coverageNote: 'self-pay' };
  if (coverage.excludedPriceCodes.includes(line.priceCode)) {
    return { amount, insurerAmount: 0, patientAmount: amount, coverageNote: `excluded by ${coverage.payerCode}` };
  }
  const patientAmount = Math.round((amount * coverage.copayPercent) / 100);
  return { amount, insurerAmount: amount - patientAmount, patientAmount, coverageNote: `${coverage.payerCode}, co-payment ${coverage.copayPercent}%` };
}
