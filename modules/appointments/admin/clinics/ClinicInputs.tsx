import { BooleanInput, CheckboxGroupInput, TextInput, required } from 'react-admin';
import { WEEKDAY_CHOICES } from '../choices.js';

export function ClinicInputs() {
  return (
    <>
      <TextInput source="code" validate={required()} helperText="Used in the display address /display/<code>" />
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="department" helperText="outpatient, dental, mch, ..." />
      <TextInput source="tokenPrefix" validate={required()} helperText="One letter: tokens read A-001, A-002, ..." />
      <TextInput source="timeZone" helperText="e.g. Africa/Nairobi" />
      <TextInput source="opensAt" type="time" />
      <TextInput source="closesAt" type="time" />
      <CheckboxGroupInput source="openDays" choices={WEEKDAY_CHOICES} />
      <BooleanInput source="active" />
    </>
  );
}
