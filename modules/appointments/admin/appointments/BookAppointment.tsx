/** Booking: patient, clinic and date, then one of the free slots the API offers. */
import { TextField as MuiTextField, Typography } from '@mui/material';
import { useState } from 'react';
import { AutocompleteInput, Create, ReferenceInput, SimpleForm, TextInput, required } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { todayLocal } from '../choices.js';
import { FreeSlotPicker } from './FreeSlotPicker.js';

const patientText = (p: { mrn: string; givenName: string; familyName: string }) => `${p.mrn} · ${p.givenName} ${p.familyName}`;

function ChosenSlot() {
  const startAt = useWatch({ name: 'startAt' });
  return <Typography sx={{ my: 1 }}>{startAt ? `Slot: ${new Date(startAt).toLocaleString()}` : 'No slot chosen yet'}</Typography>;
}

export function BookAppointment() {
  const [date, setDate] = useState(todayLocal());
  return (
    <Create redirect="list">
      <SimpleForm>
        <ReferenceInput source="patientId" reference="patients" sort={{ field: 'familyName', order: 'ASC' }}>
          <AutocompleteInput optionText={patientText} filterToQuery={(q) => ({ q })} validate={required()} fullWidth />
        </ReferenceInput>
        <ReferenceInput source="clinicId" reference="clinics" filter={{ active: true }} sort={{ field: 'code', order: 'ASC' }}>
          <AutocompleteInput validate={required()} />
        </ReferenceInput>
        <MuiTextField type="date" name="slotDate" label="Date" value={date} onChange={(e) => setDate(e.target.value)} sx={{ mb: 1 }} />
        <FreeSlotPicker date={date} />
        <ChosenSlot />
        <TextInput source="reason" fullWidth />
      </SimpleForm>
    </Create>
  );
}
