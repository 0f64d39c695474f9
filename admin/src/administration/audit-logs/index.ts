import HistoryIcon from '@mui/icons-material/History';
import { AuditLogList } from './AuditLogList.js';

export const auditLogs = { name: 'audit-logs', list: AuditLogList, icon: HistoryIcon };
