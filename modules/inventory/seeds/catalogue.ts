/** Starter stock: locations and the items a primary-care facility stocks (laboratory reagents first). */
export const LOCATIONS = [
  { code: 'MAIN', name: 'Main store', kind: 'store' },
  { code: 'LAB', name: 'Laboratory', kind: 'laboratory' },
  { code: 'DISP', name: 'Dispensary', kind: 'dispensary' },
  { code: 'RAD', name: 'X-ray room', kind: 'radiology' },
] as const;

export const ITEMS = [
  { code: 'REA-CBC-DIL', name: 'Haematology diluent (per test)', unit: 'test', category: 'Laboratory reagent', reorderLevel: 200 },
  { code: 'REA-CBC-LYSE', name: 'Haematology lyse reagent (per test)', unit: 'test', category: 'Laboratory reagent', reorderLevel: 200 },
  { code: 'REA-GLU', name: 'Glucose oxidase reagent (per test)', unit: 'test', category: 'Laboratory reagent', reorderLevel: 100 },
  { code: 'REA-CREA', name: 'Creatinine (Jaffe) reagent (per test)', unit: 'test', category: 'Laboratory reagent', reorderLevel: 100 },
  { code: 'REA-UREA', name: 'Urea reagent (per test)', unit: 'test', category: 'Laboratory reagent', reorderLevel: 100 },
  { code: 'REA-ALT', name: 'ALT reagent (per test)', unit: 'test', category: 'Laboratory reagent', reorderLevel: 100 },
  { code: 'REA-AST', name: 'AST reagent (per test)', unit: 'test', category: 'Laboratory reagent', reorderLevel: 100 },
  { code: 'REA-CHOL', name: 'Cholesterol reagent (per test)', unit: 'test', category: 'Laboratory reagent', reorderLevel: 100 },
  { code: 'REA-ELEC', name: 'Electrolyte (ISE) reagent pack (per test)', unit: 'test', category: 'Laboratory reagent', reorderLevel: 100 },
  { code: 'STRIP-URINE', name: 'Urine dipstick, 10 parameters', unit: 'strip', category: 'Laboratory consumable', reorderLevel: 100 },
  { code: 'RDT-MAL', name: 'Malaria RDT (Pf/Pan)', unit: 'test', category: 'Rapid test', reorderLevel: 50 },
  { code: 'RDT-HIV', name: 'HIV 1/2 rapid test', unit: 'test', category: 'Rapid test', reorderLevel: 50 },
  { code: 'TUBE-EDTA', name: 'EDTA tube 4 ml (purple)', unit: 'tube', category: 'Laboratory consumable', reorderLevel: 200 },
  { code: 'TUBE-SST', name: 'Serum separator tube 5 ml (gold)', unit: 'tube', category: 'Laboratory consumable', reorderLevel: 200 },
  { code: 'DRUG-AMOX-500', name: 'Amoxicillin 500 mg capsule', unit: 'capsule', category: 'Medicine', reorderLevel: 500 },
  { code: 'DRUG-PARA-500', name: 'Paracetamol 500 mg tablet', unit: 'tablet', category: 'Medicine', reorderLevel: 1000 },
  { code: 'DRUG-ORS', name: 'Oral rehydration salts sachet', unit: 'sachet', category: 'Medicine', reorderLevel: 200 },
  { code: 'FILM-XR-35x43', name: 'X-ray film 35 x 43 cm', unit: 'sheet', category: 'Radiology consumable', reorderLevel: 50 },
] as const;
