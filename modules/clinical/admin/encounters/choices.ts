export const TYPE_CHOICES = [
  { id: 'general', name: 'General' },
  { id: 'dental', name: 'Dental' },
];
export const STATUS_CHOICES = [
  { id: 'open', name: 'Open' },
  { id: 'closed', name: 'Closed' },
];
export const RANK_CHOICES = [
  { id: 'primary', name: 'Primary' },
  { id: 'secondary', name: 'Secondary' },
];
export const CERTAINTY_CHOICES = [
  { id: 'provisional', name: 'Provisional' },
  { id: 'confirmed', name: 'Confirmed' },
  { id: 'differential', name: 'Differential' },
  { id: 'ruled-out', name: 'Ruled out' },
];
