import type { ModuleContext } from '../../../server/host/types.js';

/** The insurers of the demo patients; terms are the facility's to edit, so existing rows are kept. */
const PAYERS = [
  { code: 'NHIF', name: 'National Health Insurance Fund', copayPercent: 10, excluded: ['DENT-FILLING', 'DENT-SCALING', 'CONSULT-EYE'], phone: '+254 20 2723255' },
  { code: 'CIC', name: 'Community Insurance Cooperative', copayPercent: 20, excluded: ['DENT-SCALING'], phone: '+254 20 2823000' },
];

export async function seedPayers({ sequelize }: ModuleContext) {
  for (const p of PAYERS) {
    await sequelize.query(
      `INSERT INTO insurance_payers (code, name, copay_percent, excluded_price_codes, contact_phone)
       VALUES (:code, :name, :copayPercent, ARRAY[:excluded]::text[], :phone) ON CONFLICT (code) DO NOTHING`,
      { replacements: p },
    );
  }
}
