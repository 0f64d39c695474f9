import type { ModuleContext } from '../../../server/host/types.js';
import { demoPatients, rng } from './generator.js';

const ALLERGIES = [
  { substance: 'Penicillin', allergyClass: 'penicillins', reaction: 'Rash, hives', severity: 'severe' },
  { substance: 'Sulfamethoxazole', allergyClass: 'sulfonamides', reaction: 'Skin rash', severity: 'moderate' },
  { substance: 'Aspirin', allergyClass: 'nsaids', reaction: 'Wheezing', severity: 'moderate' },
  { substance: 'Peanuts', allergyClass: 'food', reaction: 'Swelling of lips', severity: 'life-threatening' },
];
const PAYERS = [
  { payerCode: 'NHIF', payerName: 'National Health Insurance Fund', plan: 'Standard' },
  { payerCode: 'CIC', payerName: 'Community Insurance Cooperative', plan: 'Family' },
];

/** A few hundred patients, some with allergies and insurance. */
export async function seedDemoPatients({ models, sequelize }: ModuleContext, progress: (d: number, t: number) => void, count = 300) {
  const { Patient, PatientAllergy, PatientInsurance } = models;
  const r = rng(7);
  let done = 0;
  for (const p of demoPatients(count, 11)) {
    await sequelize.transaction(async () => {
      const patient = await Patient.create({ ...p, birthDateEstimated: false });
      if (r() < 0.12) {
        await PatientAllergy.create({ patientId: patient.get('id'), ...ALLERGIES[Math.floor(r() * ALLERGIES.length)], notedOn: p.createdAt.toISOString().slice(0, 10) });
      }
      if (r() < 0.45) {
        const payer = PAYERS[Math.floor(r() * PAYERS.length)];
        await PatientInsurance.create({
          patientId: patient.get('id'),
          ...payer,
          memberNumber: `${payer.payerCode}-${String(Math.floor(r() * 1e9)).padStart(9, '0')}`,
          validFrom: `${new Date().getUTCFullYear() - 1}-01-01`,
          validTo: `${new Date().getUTCFullYear() + 1}-12-31`,
        });
      }
    });
    progress(++done, count);
  }
}
