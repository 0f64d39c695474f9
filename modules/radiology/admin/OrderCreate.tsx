/** Ordering a study from the encounter (`/imaging-orders/create?source={"encounterId":"..."}`). */
import { AutocompleteInput, Create, ReferenceInput, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { PRIORITY_CHOICES } from './choices.js';

export function OrderCreate() {
  return (
    <Create redirect="show">
      <SimpleForm defaultValues={{ priority: 'routine' }}>
        <TextInput source="encounterId" validate={required()} helperText="Filled in when ordering from the encounter" />
        <ReferenceInput source="studyId" reference="imaging-studies" filter={{ active: true }} sort={{ field: "name", order: "ASC" }} perPage={100}>
          <AutocompleteInput optionText={(s: { name: string; modality: string }) => `${s.name} (${s.modality})`} validate={required()} fullWidth />
        </ReferenceInput>
        <SelectInput source="priority" choices={PRIORITY_CHOICES} validate={required()} />
        <TextInput source="clinicalIndication" multiline fullWidth validate={required()} />
      </SimpleForm>
    </Create>
  );
}
