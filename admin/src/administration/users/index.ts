import PeopleIcon from '@mui/icons-material/ManageAccounts';
import { UserCreate } from './UserCreate.js';
import { UserEdit } from './UserEdit.js';
import { UserList } from './UserList.js';

export const users = { name: 'users', list: UserList, edit: UserEdit, create: UserCreate, icon: PeopleIcon, recordRepresentation: 'email' };
