/** Choices shared by the referral and facility screens (values are the API's). */
export const URGENCY_CHOICES = [
  { id: 'routine', name: 'Routine' },
  { id: 'urgent', name: 'Urgent' },
  { id: 'emergency', name: 'Emergency' },
];
export const STATUS_CHOICES = [
  { id: 'draft', name: 'Draft' },
  { id: 'pending_approval', name: 'Pending approval' },
  { id: 'sent', name: 'Sent' },
  { id: 'accepted', name: 'Accepted' },
  { id: 'rejected', name: 'Rejected' },
  { id: 'completed', name: 'Completed' },
];
export const LEVEL_CHOICES = [
  { id: 'primary', name: 'Primary' },
  { id: 'secondary', name: 'Secondary' },
  { id: 'tertiary', name: 'Tertiary' },
  { id: 'specialist', name: 'Specialist' },
];
export const SPECIALTY_CHOICES = [
  'antenatal', 'cardiology', 'dermatology', 'maternity', 'neurology', 'oncology', 'ophthalmology', 'paediatrics', 'psychiatry', 'radiology', 'surgery',
].map((id) => ({ id, name: id[0].toUpperCase() + id.slice(1) }));
