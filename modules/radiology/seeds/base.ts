import { QueryTypes } from 'sequelize';
import { v7 as uuidv7 } from 'uuid';
import type { ModuleContext } from '../../../server/host/types.js';

/** What a primary-care X-ray and ultrasound room does; inserted by code, edits are kept. */
export const STUDIES = [
  { code: 'XR-CHEST-PA', name: 'Chest X-ray, PA', modality: 'x-ray', bodyPart: 'Chest', turnaroundMinutes: 240 },
  { code: 'XR-CHEST-PA-LAT', name: 'Chest X-ray, PA and lateral', modality: 'x-ray', bodyPart: 'Chest', turnaroundMinutes: 240 },
  { code: 'XR-ABDO', name: 'Abdominal X-ray', modality: 'x-ray', bodyPart: 'Abdomen', turnaroundMinutes: 240 },
  { code: 'XR-LSPINE', name: 'Lumbar spine X-ray, AP and lateral', modality: 'x-ray', bodyPart: 'Lumbar spine', turnaroundMinutes: 1440 },
  { code: 'XR-KNEE', name: 'Knee X-ray, AP and lateral', modality: 'x-ray', bodyPart: 'Knee', turnaroundMinutes: 1440 },
  { code: 'XR-WRIST', name: 'Wrist X-ray', modality: 'x-ray', bodyPart: 'Wrist', turnaroundMinutes: 240 },
  { code: 'XR-ANKLE', name: 'Ankle X-ray', modality: 'x-ray', bodyPart: 'Ankle', turnaroundMinutes: 240 },
  { code: 'XR-PELVIS', name: 'Pelvis X-ray', modality: 'x-ray', bodyPart: 'Pelvis', turnaroundMinutes: 1440 },
  { code: 'US-ABDO', name: 'Abdominal ultrasound', modality: 'ultrasound', bodyPart: 'Abdomen', turnaroundMinutes: 1440, preparation: 'Nothing to eat for 6 hours before' },
  { code: 'US-PELVIS', name: 'Pelvic ultrasound', modality: 'ultrasound', bodyPart: 'Pelvis', turnaroundMinutes: 1440, preparation: 'Full bladder: drink 1 litre of water an hour before' },
  { code: 'US-OBST', name: 'Obstetric ultrasound', modality: 'ultrasound', bodyPart: 'Pregnant uterus', turnaroundMinutes: 1440 },
  { code: 'US-RENAL', name: 'Renal ultrasound', modality: 'ultrasound', bodyPart: 'Kidneys', turnaroundMinutes: 1440 },
];

export async function seedImagingStudies({ sequelize }: ModuleContext) {
  await sequelize.transaction(async () => {
    for (const s of STUDIES) {
      await sequelize.query(
        `INSERT INTO imaging_studies (id, code, name, modality, body_part, price_code, turnaround_minutes, preparation)
         VALUES (:id, :code, :name, :modality, :bodyPart, :priceCode, :turnaroundMinutes, :preparation) ON CONFLICT (code) DO NOTHING`,
        { type: QueryTypes.INSERT, replacements: { id: uuidv7(), preparation: null, ...s, priceCode: `RAD-${s.code}` } },
      );
    }
  });
}
