import type { ModuleContext } from '../../../server/host/types.js';

/** The facilities the default routing rules name (by code). An administrator's edits are kept. */
export const DEFAULT_FACILITIES = [
  { code: 'CRH', name: 'County Referral Hospital', level: 'secondary', external: true, specialties: ['emergency', 'surgery', 'internal-medicine', 'obstetrics', 'radiology'], phone: '+254 20 000 1000' },
  { code: 'KNH', name: 'National Referral Hospital', level: 'tertiary', external: true, specialties: ['cardiology', 'oncology', 'neurology', 'neurosurgery', 'surgery'], phone: '+254 20 000 2000' },
  { code: 'MCH', name: 'Maternal and Child Health clinic (this facility)', level: 'primary', external: false, specialties: ['maternity', 'antenatal', 'paediatrics'] },
  { code: 'IMG', name: 'Contracted imaging centre', level: 'specialist', external: true, specialties: ['radiology'], phone: '+254 20 000 3000' },
];

export async function seedDefaultFacilities({ sequelize }: ModuleContext) {
  for (const f of DEFAULT_FACILITIES) {
    await sequelize.query(
      `INSERT INTO facilities (code, name, level, external, specialties, phone)
       VALUES (:code, :name, :level, :external, ARRAY[:specialties]::text[], :phone)
       ON CONFLICT (code) DO NOTHING`,
      { replacements: { ...f, phone: f.phone ?? null } },
    );
  }
}
