/**
 * A primary-care laboratory catalogue: LOINC codes where one exists, adult ranges by sex and
 * children's ranges where they differ, critical limits for the values a physician must hear of
 * at once, and the reagent each test uses (inventory item codes).
 */
import { years, type ReferenceRange } from '../ranges.js';

type R = Omit<ReferenceRange, 'ageFromDays' | 'ageToDays'> & { from?: number; to?: number | null };
const ranges = (...rs: R[]): ReferenceRange[] =>
  rs.map(({ from = 0, to = null, ...r }) => ({ ...r, ageFromDays: years(from), ageToDays: to == null ? null : years(to) }));

export interface CatalogueTest {
  code: string;
  loinc: string | null;
  name: string;
  section: string;
  specimenType: string;
  resultType?: 'numeric' | 'coded';
  unit: string | null;
  decimals?: number;
  codedValues?: string[];
  abnormalValues?: string[];
  ranges?: ReferenceRange[];
  reagents?: { itemCode: string; quantity: number }[];
  turnaroundMinutes: number;
}

const DIPSTICK = ['Negative', 'Trace', '1+', '2+', '3+'];

export const TESTS: CatalogueTest[] = [
  // Haematology: one analyser run per full blood count; its reagents are counted on the haemoglobin.
  { code: 'HGB', loinc: '718-7', name: 'Haemoglobin', section: 'Haematology', specimenType: 'EDTA whole blood', unit: 'g/dL', turnaroundMinutes: 120,
    ranges: ranges({ sex: 'male', from: 12, low: 13.0, high: 17.0, criticalLow: 7.0, criticalHigh: 20.0 }, { sex: 'female', from: 12, low: 12.0, high: 15.5, criticalLow: 7.0, criticalHigh: 20.0 }, { sex: 'any', from: 0.5, to: 12, low: 11.0, high: 14.5, criticalLow: 7.0, criticalHigh: 20.0 }),
    reagents: [{ itemCode: 'REA-CBC-DIL', quantity: 1 }, { itemCode: 'REA-CBC-LYSE', quantity: 1 }] },
  { code: 'WBC', loinc: '6690-2', name: 'White cell count', section: 'Haematology', specimenType: 'EDTA whole blood', unit: '10^9/L', turnaroundMinutes: 120,
    ranges: ranges({ sex: 'any', from: 12, low: 4.0, high: 11.0, criticalLow: 2.0, criticalHigh: 30.0 }, { sex: 'any', from: 0.5, to: 12, low: 5.0, high: 14.5, criticalLow: 2.0, criticalHigh: 30.0 }) },
  { code: 'PLT', loinc: '777-3', name: 'Platelet count', section: 'Haematology', specimenType: 'EDTA whole blood', unit: '10^9/L', decimals: 0, turnaroundMinutes: 120,
    ranges: ranges({ sex: 'any', low: 150, high: 400, criticalLow: 50, criticalHigh: 1000 }) },
  { code: 'HCT', loinc: '4544-3', name: 'Haematocrit', section: 'Haematology', specimenType: 'EDTA whole blood', unit: '%', turnaroundMinutes: 120,
    ranges: ranges({ sex: 'male', from: 12, low: 40, high: 52, criticalLow: 20, criticalHigh: 60 }, { sex: 'female', from: 12, low: 36, high: 46, criticalLow: 20, criticalHigh: 60 }, { sex: 'any', from: 0.5, to: 12, low: 33, high: 44, criticalLow: 20, criticalHigh: 60 }) },
  { code: 'RBC', loinc: '789-8', name: 'Red cell count', section: 'Haematology', specimenType: 'EDTA whole blood', unit: '10^12/L', decimals: 2, turnaroundMinutes: 120,
    ranges: ranges({ sex: 'male', from: 12, low: 4.5, high: 5.9 }, { sex: 'female', from: 12, low: 4.0, high: 5.2 }, { sex: 'any', from: 0.5, to: 12, low: 4.0, high: 5.2 }) },
  { code: 'MCV', loinc: '787-2', name: 'Mean cell volume', section: 'Haematology', specimenType: 'EDTA whole blood', unit: 'fL', decimals: 0, turnaroundMinutes: 120,
    ranges: ranges({ sex: 'any', from: 12, low: 80, high: 100 }, { sex: 'any', from: 0.5, to: 12, low: 75, high: 95 }) },

  // Chemistry, serum or plasma, SI units.
  { code: 'FBS', loinc: '14771-0', name: 'Glucose, fasting', section: 'Chemistry', specimenType: 'Fluoride plasma', unit: 'mmol/L', turnaroundMinutes: 90,
    ranges: ranges({ sex: 'any', low: 3.9, high: 5.5, criticalLow: 2.5, criticalHigh: 25.0 }), reagents: [{ itemCode: 'REA-GLU', quantity: 1 }] },
  { code: 'RBS', loinc: '14749-6', name: 'Glucose, random', section: 'Chemistry', specimenType: 'Fluoride plasma', unit: 'mmol/L', turnaroundMinutes: 60,
    ranges: ranges({ sex: 'any', low: 3.9, high: 7.8, criticalLow: 2.5, criticalHigh: 25.0 }), reagents: [{ itemCode: 'REA-GLU', quantity: 1 }] },
  { code: 'CREA', loinc: '14682-9', name: 'Creatinine', section: 'Chemistry', specimenType: 'Serum', unit: 'umol/L', decimals: 0, turnaroundMinutes: 180,
    ranges: ranges({ sex: 'male', from: 18, low: 62, high: 106, criticalHigh: 500 }, { sex: 'female', from: 18, low: 44, high: 80, criticalHigh: 500 }, { sex: 'any', from: 1, to: 18, low: 27, high: 88, criticalHigh: 500 }),
    reagents: [{ itemCode: 'REA-CREA', quantity: 1 }] },
  { code: 'UREA', loinc: '22664-7', name: 'Urea', section: 'Chemistry', specimenType: 'Serum', unit: 'mmol/L', turnaroundMinutes: 180,
    ranges: ranges({ sex: 'any', from: 18, low: 2.5, high: 7.8, criticalHigh: 30 }, { sex: 'any', from: 1, to: 18, low: 1.8, high: 6.4, criticalHigh: 30 }), reagents: [{ itemCode: 'REA-UREA', quantity: 1 }] },
  { code: 'NA', loinc: '2951-2', name: 'Sodium', section: 'Chemistry', specimenType: 'Serum', unit: 'mmol/L', decimals: 0, turnaroundMinutes: 120,
    ranges: ranges({ sex: 'any', low: 135, high: 145, criticalLow: 120, criticalHigh: 160 }), reagents: [{ itemCode: 'REA-ELEC', quantity: 1 }] },
  { code: 'K', loinc: '2823-3', name: 'Potassium', section: 'Chemistry', specimenType: 'Serum', unit: 'mmol/L', turnaroundMinutes: 120,
    ranges: ranges({ sex: 'any', low: 3.5, high: 5.1, criticalLow: 2.5, criticalHigh: 6.5 }) },
  { code: 'CL', loinc: '2075-0', name: 'Chloride', section: 'Chemistry', specimenType: 'Serum', unit: 'mmol/L', decimals: 0, turnaroundMinutes: 120,
    ranges: ranges({ sex: 'any', low: 98, high: 107, criticalLow: 80, criticalHigh: 120 }) },
  { code: 'ALT', loinc: '1742-6', name: 'Alanine aminotransferase (ALT)', section: 'Chemistry', specimenType: 'Serum', unit: 'U/L', decimals: 0, turnaroundMinutes: 180,
    ranges: ranges({ sex: 'male', low: 0, high: 50 }, { sex: 'female', low: 0, high: 35 }, { sex: 'any', low: 0, high: 40 }), reagents: [{ itemCode: 'REA-ALT', quantity: 1 }] },
  { code: 'AST', loinc: '1920-8', name: 'Aspartate aminotransferase (AST)', section: 'Chemistry', specimenType: 'Serum', unit: 'U/L', decimals: 0, turnaroundMinutes: 180,
    ranges: ranges({ sex: 'any', low: 0, high: 40 }), reagents: [{ itemCode: 'REA-AST', quantity: 1 }] },
  { code: 'ALP', loinc: '6768-6', name: 'Alkaline phosphatase', section: 'Chemistry', specimenType: 'Serum', unit: 'U/L', decimals: 0, turnaroundMinutes: 180,
    ranges: ranges({ sex: 'any', from: 18, low: 40, high: 130 }, { sex: 'any', from: 1, to: 18, low: 100, high: 390 }) },
  { code: 'TBIL', loinc: '14631-6', name: 'Bilirubin, total', section: 'Chemistry', specimenType: 'Serum', unit: 'umol/L', decimals: 0, turnaroundMinutes: 180,
    ranges: ranges({ sex: 'any', from: 1, low: 3, high: 21, criticalHigh: 300 }) },
  { code: 'ALB', loinc: '1751-7', name: 'Albumin', section: 'Chemistry', specimenType: 'Serum', unit: 'g/L', decimals: 0, turnaroundMinutes: 180,
    ranges: ranges({ sex: 'any', from: 1, low: 35, high: 50 }) },
  { code: 'CHOL', loinc: '14647-2', name: 'Cholesterol, total', section: 'Chemistry', specimenType: 'Serum', unit: 'mmol/L', turnaroundMinutes: 240,
    ranges: ranges({ sex: 'any', from: 18, high: 5.2 }), reagents: [{ itemCode: 'REA-CHOL', quantity: 1 }] },
  { code: 'HDL', loinc: '14646-4', name: 'HDL cholesterol', section: 'Chemistry', specimenType: 'Serum', unit: 'mmol/L', decimals: 2, turnaroundMinutes: 240,
    ranges: ranges({ sex: 'male', from: 18, low: 1.0 }, { sex: 'female', from: 18, low: 1.2 }) },
  { code: 'LDL', loinc: '22748-8', name: 'LDL cholesterol', section: 'Chemistry', specimenType: 'Serum', unit: 'mmol/L', turnaroundMinutes: 240,
    ranges: ranges({ sex: 'any', from: 18, high: 3.4 }) },
  { code: 'TRIG', loinc: '14927-8', name: 'Triglycerides', section: 'Chemistry', specimenType: 'Serum', unit: 'mmol/L', turnaroundMinutes: 240,
    ranges: ranges({ sex: 'any', from: 18, high: 1.7 }) },
  { code: 'HBA1C', loinc: '4548-4', name: 'Haemoglobin A1c', section: 'Chemistry', specimenType: 'EDTA whole blood', unit: '%', turnaroundMinutes: 1440,
    ranges: ranges({ sex: 'any', high: 5.6 }) },
  { code: 'CRP', loinc: '1988-5', name: 'C-reactive protein', section: 'Chemistry', specimenType: 'Serum', unit: 'mg/L', turnaroundMinutes: 180,
    ranges: ranges({ sex: 'any', high: 5 }) },

  // Urinalysis by 10-parameter dipstick: one strip per urinalysis, counted on the specific gravity.
  { code: 'U-SG', loinc: '5811-5', name: 'Urine specific gravity', section: 'Urinalysis', specimenType: 'Urine', unit: null, decimals: 3, turnaroundMinutes: 60,
    ranges: ranges({ sex: 'any', low: 1.005, high: 1.03 }), reagents: [{ itemCode: 'STRIP-URINE', quantity: 1 }] },
  { code: 'U-PH', loinc: '5803-2', name: 'Urine pH', section: 'Urinalysis', specimenType: 'Urine', unit: null, decimals: 1, turnaroundMinutes: 60,
    ranges: ranges({ sex: 'any', low: 5.0, high: 8.0 }) },
  { code: 'U-PROT', loinc: '20454-5', name: 'Urine protein (dipstick)', section: 'Urinalysis', specimenType: 'Urine', resultType: 'coded', unit: null, codedValues: DIPSTICK, abnormalValues: ['1+', '2+', '3+'], turnaroundMinutes: 60 },
  { code: 'U-GLU', loinc: '25428-4', name: 'Urine glucose (dipstick)', section: 'Urinalysis', specimenType: 'Urine', resultType: 'coded', unit: null, codedValues: DIPSTICK, abnormalValues: ['Trace', '1+', '2+', '3+'], turnaroundMinutes: 60 },
  { code: 'U-LEU', loinc: '5799-2', name: 'Urine leukocyte esterase', section: 'Urinalysis', specimenType: 'Urine', resultType: 'coded', unit: null, codedValues: DIPSTICK, abnormalValues: ['1+', '2+', '3+'], turnaroundMinutes: 60 },
  { code: 'U-NIT', loinc: '5802-4', name: 'Urine nitrite', section: 'Urinalysis', specimenType: 'Urine', resultType: 'coded', unit: null, codedValues: ['Negative', 'Positive'], abnormalValues: ['Positive'], turnaroundMinutes: 60 },
  { code: 'U-BLD', loinc: '5794-3', name: 'Urine blood (dipstick)', section: 'Urinalysis', specimenType: 'Urine', resultType: 'coded', unit: null, codedValues: DIPSTICK, abnormalValues: ['1+', '2+', '3+'], turnaroundMinutes: 60 },

  // Rapid tests.
  { code: 'MAL-RDT', loinc: '70569-9', name: 'Malaria antigen (RDT)', section: 'Serology', specimenType: 'Capillary blood', resultType: 'coded', unit: null, codedValues: ['Negative', 'Positive P. falciparum', 'Positive Pan', 'Invalid'], abnormalValues: ['Positive P. falciparum', 'Positive Pan'], turnaroundMinutes: 30, reagents: [{ itemCode: 'RDT-MAL', quantity: 1 }] },
  { code: 'HIV-RDT', loinc: '68961-2', name: 'HIV 1+2 antibodies (rapid test)', section: 'Serology', specimenType: 'Capillary blood', resultType: 'coded', unit: null, codedValues: ['Non-reactive', 'Reactive', 'Invalid'], abnormalValues: ['Reactive'], turnaroundMinutes: 30, reagents: [{ itemCode: 'RDT-HIV', quantity: 1 }] },
];

export const PANELS = [
  { code: 'FBC', name: 'Full blood count', tests: ['HGB', 'WBC', 'PLT', 'HCT', 'RBC', 'MCV'] },
  { code: 'LFT', name: 'Liver function tests', tests: ['ALT', 'AST', 'ALP', 'TBIL', 'ALB'] },
  { code: 'RFT', name: 'Renal function tests', tests: ['CREA', 'UREA', 'NA', 'K', 'CL'] },
  { code: 'UE', name: 'Electrolytes', tests: ['NA', 'K', 'CL'] },
  { code: 'LIPID', name: 'Lipid profile', tests: ['CHOL', 'HDL', 'LDL', 'TRIG'] },
  { code: 'URINALYSIS', name: 'Urinalysis (dipstick)', tests: ['U-SG', 'U-PH', 'U-PROT', 'U-GLU', 'U-LEU', 'U-NIT', 'U-BLD'] },
];
