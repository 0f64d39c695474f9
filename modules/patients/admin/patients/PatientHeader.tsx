/** Top of a patient's page: the MRN, large and copyable, the name, age and any allergy. */
import { Alert, Box, Chip, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { CopyableText } from '../../../../admin/kit.js';

export function PatientHeader() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const allergies: { substance: string; severity: string }[] = record.allergies ?? [];
  return (
    <Box sx={{ p: 2, pb: 0 }}>
      <CopyableText value={record.mrn} label={translate('resources.patients.fields.mrn')} variant="h4" testId="patient-mrn" />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1">
          {[record.givenName, record.middleName, record.familyName].filter(Boolean).join(' ')}
        </Typography>
        {record.sex && <Chip size="small" label={translate(`patients.sex.${record.sex}`)} />}
        {record.age !== undefined && <Chip size="small" label={translate('patients.years', { smart_count: record.age })} />}
        {record.status && record.status !== 'active' && <Chip size="small" color="warning" label={translate(`patients.status.${record.status}`)} />}
      </Box>
      {allergies.length > 0 && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {translate('patients.allergy_alert', { list: allergies.map((a) => `${a.substance} (${translate(`patients.severity.${a.severity}`, { _: a.severity })})`).join(', ') })}
        </Alert>
      )}
    </Box>
  );
}
