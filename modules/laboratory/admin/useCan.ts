import { useCanAccess } from 'react-admin';

/** Whether the signed-in user's grants allow `action` on `resource` (buttons are hidden otherwise). */
export function useCan(resource: string, action: string): boolean {
  return useCanAccess({ resource, action }).canAccess === true;
}
