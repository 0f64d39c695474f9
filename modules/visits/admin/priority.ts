export const PRIORITY_COLORS: Record<string, 'error' | 'warning' | 'info' | 'default'> = {
  emergency: 'error',
  'very-urgent': 'warning',
  urgent: 'info',
  routine: 'default',
};
export const QUEUE_STATUS_CHOICES = ['waiting', 'called', 'in-consultation', 'done', 'left'].map((id) => ({ id, name: id }));
export const PRIORITY_CHOICES = ['emergency', 'very-urgent', 'urgent', 'routine'].map((id) => ({ id, name: id }));
