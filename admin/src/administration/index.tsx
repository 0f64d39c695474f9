import { defineAdminModule } from '../../contract.js';

export default defineAdminModule({ resources: [] });
