export const DANGER_SIGN_CHOICES = [
  'unresponsive',
  'convulsing',
  'airway-compromise',
  'severe-bleeding',
  'chest-pain',
  'shortness-of-breath',
  'severe-trauma',
  'poisoning-overdose',
  'pregnancy-bleeding',
  'focal-neurology',
  'severe-dehydration',
].map((id) => ({ id, name: id.replace(/-/g, ' ') }));

export const PRIORITY_CHOICES = ['emergency', 'very-urgent', 'urgent', 'routine'].map((id) => ({ id, name: id.replace('-', ' ') }));

/** Inputs of a vital-signs reading, with the unit in the label. */
export const VITAL_INPUTS = [
  { source: 'systolic', label: 'Systolic BP (mmHg)' },
  { source: 'diastolic', label: 'Diastolic BP (mmHg)' },
  { source: 'pulse', label: 'Pulse (/min)' },
  { source: 'respiratoryRate', label: 'Respiratory rate (/min)' },
  { source: 'temperature', label: 'Temperature (°C)', step: 0.1 },
  { source: 'spo2', label: 'SpO2 (%)' },
  { source: 'weightKg', label: 'Weight (kg)', step: 0.1 },
  { source: 'heightCm', label: 'Height (cm)', step: 0.5 },
  { source: 'painScore', label: 'Pain (0-10)' },
  { source: 'bloodGlucose', label: 'Blood glucose (mmol/L)', step: 0.1 },
];
