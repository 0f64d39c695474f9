export const WEEKDAY_CHOICES = [
  { id: 1, name: 'Monday' },
  { id: 2, name: 'Tuesday' },
  { id: 3, name: 'Wednesday' },
  { id: 4, name: 'Thursday' },
  { id: 5, name: 'Friday' },
  { id: 6, name: 'Saturday' },
  { id: 7, name: 'Sunday' },
];

export const APPOINTMENT_STATUS_CHOICES = ['booked', 'checked-in', 'no-show', 'cancelled', 'completed'].map((id) => ({ id, name: id }));

/** Today's date in the browser's zone, as YYYY-MM-DD. */
export const todayLocal = () => new Date().toLocaleDateString('en-CA');
