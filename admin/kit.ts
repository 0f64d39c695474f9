/**
 * What module screens may use from the shell, beside react-admin itself: typed KPI reads,
 * widget frames, guarded export, custom actions, copyable identifiers, PDFs behind the token.
 */
export { useKpi } from './src/kit/useKpi.js';
export { KpiCard } from './src/kit/KpiCard.js';
export { CopyableText } from './src/kit/CopyableText.js';
export { LocalDateField } from './src/kit/LocalDateField.js';
export { GuardedExportButton } from './src/kit/GuardedExportButton.js';
export { useRecordAction } from './src/kit/useRecordAction.js';
export { openPdf } from './src/kit/openPdf.js';
export { AuditDiff, AuditRecordDiff } from './src/kit/AuditDiff.js';
export { changedFields } from './src/kit/auditDiff.js';
export type { HisDataProvider } from './src/providers/dataProvider.js';
export type { Me } from './src/providers/authProvider.js';
