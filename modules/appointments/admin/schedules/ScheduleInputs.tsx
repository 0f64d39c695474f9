import { AutocompleteInput, BooleanInput, NumberInput, ReferenceInput, SelectInput, TextInput, required } from 'react-admin';
import { WEEKDAY_CHOICES } from '../choices.js';
import { usePhysicians } from '../useApiGet.js';

export function ScheduleInputs({ creating = false }: { creating?: boolean }) {
  const { data: physicians = [] } = usePhysicians();
  return (
    <>
      {creating && (
        <ReferenceInput source="clinicId" reference="clinics" sort={{ field: 'code', order: 'ASC' }}>
          <AutocompleteInput validate={required()} />
        </ReferenceInput>
      )}
      {creating && <SelectInput source="providerId" label="Physician" choices={physicians} validate={required()} />}
      <SelectInput source="weekday" choices={WEEKDAY_CHOICES} validate={required()} />
      <TextInput source="startTime" type="time" validate={required()} />
      <TextInput source="endTime" type="time" validate={required()} />
      <NumberInput source="slotMinutes" min={5} max={240} step={5} validate={required()} />
      <BooleanInput source="active" />
    </>
  );
}
