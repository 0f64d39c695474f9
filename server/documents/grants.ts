import { PLATFORM_ROLES } from '../access/roles.js';
import { grant, type GrantRow } from '../access/grants.js';

/**
 * Every role may list, read and add attachments: the grant on the record a file belongs to
 * decides which files (server/documents/record-access.ts).
 */
export const grants: GrantRow[] = grant(
  PLATFORM_ROLES.map((r) => r.name),
  'attachments',
  ['read', 'create'],
);
