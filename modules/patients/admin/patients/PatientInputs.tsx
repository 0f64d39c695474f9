/**
 * The inputs of a patient record, shared by registration and editing. A clerk who does not
 * know the birth date records an estimated age instead (registration only).
 */
import { Box, Typography } from '@mui/material';
import { BooleanInput, DateInput, FormDataConsumer, NumberInput, required, SelectInput, TextInput, useTranslate } from 'react-admin';
import { BLOOD_GROUP_CHOICES, SEX_CHOICES } from './choices.js';

// Several inputs per line on a wide screen, one per line on a narrow one.
const row = { display: 'flex', columnGap: 2, flexWrap: 'wrap', width: '100%', '& > *': { flex: '1 1 14rem' } } as const;

function Section({ title }: { title: string }) {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" component="h2" sx={{ mt: 2, fontWeight: 600 }}>
      {translate(title)}
    </Typography>
  );
}

export function PatientInputs({ registering }: { registering?: boolean }) {
  return (
    <>
      <Section title="patients.sections.identity" />
      <Box sx={row}>
        <TextInput source="givenName" isRequired />
        <TextInput source="middleName" />
        <TextInput source="familyName" isRequired />
        <SelectInput source="sex" choices={SEX_CHOICES} isRequired />
      </Box>
      <Box sx={row}>
        {registering && <BooleanInput source="ageIsEstimated" label="patients.age_is_estimated" />}
        <FormDataConsumer>
          {({ formData }) =>
            registering && formData.ageIsEstimated ? (
              <NumberInput source="estimatedAge" min={0} max={120} step={1} validate={required()} />
            ) : (
              <DateInput source="birthDate" isRequired />
            )
          }
        </FormDataConsumer>
        <TextInput source="nationalId" />
        <SelectInput source="bloodGroup" choices={BLOOD_GROUP_CHOICES} emptyText="patients.unknown" />
      </Box>
      <Section title="patients.sections.contact" />
      <Box sx={row}>
        <TextInput source="phone" />
        <TextInput source="email" type="email" />
        <TextInput source="address" sx={{ minWidth: 320 }} />
        <TextInput source="city" />
      </Box>
      <Section title="patients.sections.next_of_kin" />
      <Box sx={row}>
        <TextInput source="nextOfKinName" />
        <TextInput source="nextOfKinPhone" />
        <TextInput source="nextOfKinRelationship" />
      </Box>
    </>
  );
}
