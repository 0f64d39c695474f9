/** The triage form: complaint, danger signs and vital signs, with the rules' priority shown at once. */
import { Box } from '@mui/material';
import { CheckboxGroupInput, Create, NumberInput, ReferenceField, SelectInput, SimpleForm, TextField, TextInput, required } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { DANGER_SIGN_CHOICES, PRIORITY_CHOICES, VITAL_INPUTS } from '../choices.js';
import { ComputedPriority } from './ComputedPriority.js';

function VisitBanner() {
  const visitId = useWatch({ name: 'visitId' });
  if (!visitId) return null;
  return (
    <Box sx={{ mb: 2, fontSize: '1.2rem' }}>
      Token{' '}
      <ReferenceField source="visitId" reference="visits" record={{ visitId }} link={false}>
        <TextField source="token" sx={{ fontWeight: 700, fontSize: '1.2rem' }} />
      </ReferenceField>
    </Box>
  );
}

/** Empty inputs are left out: a reading not taken is not a zero. */
const dropEmpty = (data: Record<string, any>) => ({
  ...data,
  vitals: data.vitals && Object.values(data.vitals).some((v) => v !== null && v !== '') ? Object.fromEntries(Object.entries(data.vitals).filter(([, v]) => v !== null && v !== '')) : undefined,
  overridePriority: data.overridePriority || undefined,
});

export function TriageCreate() {
  return (
    <Create transform={dropEmpty} redirect="/queue-board">
      <SimpleForm defaultValues={{ dangerSigns: [] }}>
        <VisitBanner />
        <TextInput source="visitId" validate={required()} sx={{ display: 'none' }} />
        <TextInput source="chiefComplaint" validate={required()} fullWidth multiline />
        <CheckboxGroupInput source="dangerSigns" choices={DANGER_SIGN_CHOICES} />
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', columnGap: 2, width: '100%' }}>
          {VITAL_INPUTS.map((v) => (
            <NumberInput key={v.source} source={`vitals.${v.source}`} label={v.label} step={v.step ?? 1} />
          ))}
        </Box>
        <ComputedPriority />
        <SelectInput source="overridePriority" label="Override the priority" choices={PRIORITY_CHOICES} emptyText="Keep the rules' priority" />
        <TextInput source="overrideReason" label="Reason for the override" fullWidth />
      </SimpleForm>
    </Create>
  );
}
