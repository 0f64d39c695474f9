/** Choice lists of the patient screens; names are translation keys (see ../messages.ts). */
const choices = (prefix: string, ids: readonly string[]) => ids.map((id) => ({ id, name: `${prefix}.${id}` }));

export const SEX_CHOICES = choices('patients.sex', ['female', 'male', 'other', 'unknown']);
export const STATUS_CHOICES = choices('patients.status', ['active', 'deceased', 'merged']);
export const AGE_BAND_CHOICES = ['0-4', '5-14', '15-24', '25-44', '45-64', '65+'].map((id) => ({ id, name: id }));
export const BLOOD_GROUP_CHOICES = ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-'].map((id) => ({ id, name: id }));
export const SEVERITY_CHOICES = choices('patients.severity', ['mild', 'moderate', 'severe', 'life-threatening']);
