import { BooleanInput, SelectArrayInput, SelectInput, TextInput, required } from 'react-admin';
import { LEVEL_CHOICES, SPECIALTY_CHOICES } from '../choices.js';

/** The code is what routing rules name, so it is set once, at creation. */
export function FacilityInputs({ creating }: { creating?: boolean }) {
  return (
    <>
      {creating && <TextInput source="code" validate={required()} helperText="Capital letters, digits, dashes; routing rules refer to it" />}
      <TextInput source="name" validate={required()} fullWidth />
      <SelectInput source="level" choices={LEVEL_CHOICES} validate={required()} />
      <SelectArrayInput source="specialties" choices={SPECIALTY_CHOICES} />
      <BooleanInput source="external" defaultValue />
      <TextInput source="contactName" />
      <TextInput source="phone" />
      <TextInput source="email" />
      <TextInput source="address" fullWidth />
      {!creating && <BooleanInput source="active" />}
    </>
  );
}
