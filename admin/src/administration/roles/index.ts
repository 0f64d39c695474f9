import SecurityIcon from '@mui/icons-material/Security';
import { RoleList } from './RoleList.js';

export const roles = { name: 'roles', list: RoleList, icon: SecurityIcon, recordRepresentation: 'label' };
