import RuleIcon from '@mui/icons-material/Rule';
import type { AdminResource } from '../../../../admin/contract.js';
import { RuleSetCreate } from './RuleSetCreate.js';
import { RuleSetEdit } from './RuleSetEdit.js';
import { RuleSetList } from './RuleSetList.js';

export const workflowRules: AdminResource = {
  name: 'workflow-rules',
  list: RuleSetList,
  edit: RuleSetEdit,
  create: RuleSetCreate,
  icon: RuleIcon,
  recordRepresentation: 'key',
};
