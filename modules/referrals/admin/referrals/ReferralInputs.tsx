/** The fields a physician fills in; the destination is optional (the routing rules decide). */
import { AutocompleteInput, ReferenceInput, SelectInput, TextInput, required } from 'react-admin';
import { SPECIALTY_CHOICES, URGENCY_CHOICES } from '../choices.js';

export function ReferralInputs({ creating }: { creating?: boolean }) {
  return (
    <>
      {creating && (
        <ReferenceInput source="patientId" reference="patients">
          <AutocompleteInput validate={required()} filterToQuery={(q: string) => ({ q })} fullWidth />
        </ReferenceInput>
      )}
      <SelectInput source="specialty" choices={SPECIALTY_CHOICES} validate={required()} />
      <SelectInput source="urgency" choices={URGENCY_CHOICES} validate={required()} defaultValue="routine" />
      <TextInput source="reason" validate={required()} multiline minRows={2} fullWidth />
      <TextInput source="clinicalSummary" multiline minRows={4} fullWidth />
      <ReferenceInput source="requestedDestinationId" reference="facilities" filter={{ active: true }}>
        <AutocompleteInput
          label="Destination (when no routing rule applies)"
          optionText={(f: { code: string; name: string }) => `${f.code} · ${f.name}`}
          filterToQuery={(q: string) => ({ q })}
          fullWidth
        />
      </ReferenceInput>
      <TextInput source="encounterId" label="Encounter id (optional)" />
    </>
  );
}
