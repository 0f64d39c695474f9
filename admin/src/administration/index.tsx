/**
 * The platform's own screens (accounts, roles and permissions, audit trail), loaded like a
 * module so they cost the sign-in page nothing.
 */
import { defineAdminModule } from '../../contract.js';
import { auditLogs } from './audit-logs/index.js';
import { en, fr } from './messages.js';
import { roles } from './roles/index.js';
import { users } from './users/index.js';

export default defineAdminModule({ resources: [users, roles, auditLogs], messages: { en, fr } });
