/** Priority levels decisions may set (triage uses very-urgent). Shared with the rule editor's screens. */
export const PRIORITIES = ['low', 'routine', 'normal', 'high', 'urgent', 'very-urgent', 'emergency'] as const;
