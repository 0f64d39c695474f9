export const PRIORITY_CHOICES = [
  { id: 'routine', name: 'Routine' },
  { id: 'urgent', name: 'Urgent' },
  { id: 'stat', name: 'STAT' },
];
export const STATUS_CHOICES = ['ordered', 'collected', 'received', 'in-progress', 'resulted', 'verified', 'cancelled'].map((id) => ({ id, name: id }));
export const FLAG_COLORS: Record<string, 'error' | 'warning' | 'info'> = { LL: 'error', HH: 'error', L: 'warning', H: 'warning', A: 'warning' };
