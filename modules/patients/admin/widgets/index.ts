import { lazy } from 'react';
import type { AdminWidget } from '../../../../admin/contract.js';

// Charts load with the dashboard, not with the patient screens.
const named = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) => lazy(() => load().then((m) => ({ default: m[name] })));

export const widgets: AdminWidget[] = [
  { id: 'patients-total-active', resource: 'patients', component: named(() => import('./TotalActive.js'), 'TotalActive'), width: 3 },
  { id: 'patients-registrations-per-day', resource: 'patients', component: named(() => import('./RegistrationsPerDay.js'), 'RegistrationsPerDay'), width: 9 },
  { id: 'patients-by-sex-and-age', resource: 'patients', component: named(() => import('./PatientsBySexAndAge.js'), 'PatientsBySexAndAge'), width: 12 },
];
