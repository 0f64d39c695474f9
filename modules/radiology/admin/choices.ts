export const PRIORITY_CHOICES = [
  { id: 'routine', name: 'Routine' },
  { id: 'urgent', name: 'Urgent' },
  { id: 'stat', name: 'STAT' },
];
export const STATUS_CHOICES = ['ordered', 'scheduled', 'performed', 'reported', 'verified', 'cancelled'].map((id) => ({ id, name: id }));
export const MODALITY_CHOICES = ['x-ray', 'ultrasound', 'ct', 'mri', 'mammography', 'fluoroscopy'].map((id) => ({ id, name: id }));
