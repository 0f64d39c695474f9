import { grant, type GrantRow } from '../../server/access/grants.js';

const ALL = ['imaging-studies', 'imaging-orders', 'imaging-reports'];

/**
 * The radiographer (a role this module adds) schedules, performs, reports and signs; physicians
 * order, read and verify reports they did not sign; the laboratory has no access to radiology.
 * Images attach to imaging orders through the attachments resource, which needs `update` here.
 */
export const grants: GrantRow[] = [
  ...grant(['superadmin', 'medical_admin'], 'imaging-studies', ['read', 'create', 'update', 'export']),
  ...grant(['superadmin', 'medical_admin', 'facility_head'], ['imaging-orders', 'imaging-reports'], ['read', 'export']),
  ...grant('facility_head', 'imaging-studies', ['read']),

  ...grant('physician', 'imaging-studies', ['read']),
  ...grant('physician', 'imaging-orders', ['read', 'create', 'update', 'cancel', 'verify']),
  ...grant('physician', 'imaging-reports', ['read']),

  ...grant('radiographer', 'imaging-studies', ['read']),
  ...grant('radiographer', 'imaging-orders', ['read', 'update', 'schedule', 'perform', 'cancel']),
  ...grant('radiographer', 'imaging-reports', ['read', 'create', 'update', 'sign', 'addendum']),
  // The platform grants attachments to its own roles only; a module's role brings its own.
  ...grant('radiographer', 'attachments', ['read', 'create']),
];
