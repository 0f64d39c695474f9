/**
 * Ordering from the encounter: the encounter screen opens this form with the encounter filled
 * in (`/lab-orders/create?source={"encounterId":"..."}`); pick panels and tests, priority, notes.
 */
import { AutocompleteArrayInput, Create, ReferenceArrayInput, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { PRIORITY_CHOICES } from '../choices.js';

export function OrderCreate() {
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ priority: 'routine', testIds: [], panelIds: [] }}>
        <TextInput source="encounterId" validate={required()} helperText="Filled in when ordering from the encounter" />
        <ReferenceArrayInput source="panelIds" reference="lab-panels" filter={{ active: true }} sort={{ field: "name", order: "ASC" }} perPage={50}>
          <AutocompleteArrayInput optionText="name" fullWidth />
        </ReferenceArrayInput>
        <ReferenceArrayInput source="testIds" reference="lab-tests" filter={{ active: true }} sort={{ field: "name", order: "ASC" }} perPage={100}>
          <AutocompleteArrayInput optionText={(t: { code: string; name: string }) => `${t.code} · ${t.name}`} fullWidth />
        </ReferenceArrayInput>
        <SelectInput source="priority" choices={PRIORITY_CHOICES} validate={required()} />
        <TextInput source="clinicalNotes" multiline fullWidth />
      </SimpleForm>
    </Create>
  );
}
