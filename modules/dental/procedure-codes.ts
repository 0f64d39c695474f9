/**
 * Dental procedures the clinic performs and the billing price code each one charges. The prices
 * themselves live in billing's editable tariff; this maps a procedure to its line there.
 * `scope` says what the procedure is done on: one tooth's surfaces, a whole tooth, or the mouth.
 */
export interface DentalProcedureCode {
  code: string;
  label: string;
  priceCode: string;
  scope: 'surface' | 'tooth' | 'mouth';
}

export const DENTAL_PROCEDURES: DentalProcedureCode[] = [
  { code: 'EXAM', label: 'Oral examination', priceCode: 'CONSULT-DENTAL', scope: 'mouth' },
  { code: 'XR-PA', label: 'Periapical radiograph', priceCode: 'DENT-XR-PA', scope: 'tooth' },
  { code: 'SCALING', label: 'Scaling and polishing', priceCode: 'DENT-SCALING', scope: 'mouth' },
  { code: 'FILL-COMPOSITE', label: 'Composite filling', priceCode: 'DENT-FILLING', scope: 'surface' },
  { code: 'FILL-AMALGAM', label: 'Amalgam filling', priceCode: 'DENT-FILLING', scope: 'surface' },
  { code: 'FILL-GIC', label: 'Glass-ionomer filling (ART)', priceCode: 'DENT-FILLING', scope: 'surface' },
  { code: 'EXTRACT', label: 'Simple extraction', priceCode: 'DENT-EXTRACT', scope: 'tooth' },
  { code: 'EXTRACT-SURGICAL', label: 'Surgical extraction', priceCode: 'DENT-EXTRACT-SURG', scope: 'tooth' },
  { code: 'RCT', label: 'Root canal treatment', priceCode: 'DENT-RCT', scope: 'tooth' },
  { code: 'PULPOTOMY', label: 'Pulpotomy (primary tooth)', priceCode: 'DENT-PULPOTOMY', scope: 'tooth' },
  { code: 'CROWN', label: 'Crown', priceCode: 'DENT-CROWN', scope: 'tooth' },
  { code: 'SEALANT', label: 'Fissure sealant', priceCode: 'DENT-SEALANT', scope: 'tooth' },
  { code: 'FLUORIDE', label: 'Fluoride varnish', priceCode: 'DENT-FLUORIDE', scope: 'mouth' },
  { code: 'DRAINAGE', label: 'Incision and drainage of dental abscess', priceCode: 'DENT-DRAINAGE', scope: 'tooth' },
];

export const procedureByCode = (code: string) => DENTAL_PROCEDURES.find((p) => p.code === code);
