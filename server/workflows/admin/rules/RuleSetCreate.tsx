/** A new rule set: the event it listens to, then its first rules (version 1, active at once). */
import { MenuItem, TextField as MuiTextField } from '@mui/material';
import { Create, SimpleForm, TextInput, required, useInput } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { useCatalog, type Catalog } from '../api.js';
import { RulesInput } from './RulesInput.js';

function EventInput({ catalog }: { catalog: Catalog }) {
  const { field, fieldState } = useInput({ source: 'event', validate: required() });
  return (
    <MuiTextField select label="Event" name="event" value={field.value ?? ''} onChange={field.onChange} error={Boolean(fieldState.error)} helperText={fieldState.error?.message ?? 'the domain event this rule set decides on'} sx={{ minWidth: 320 }}>
      {catalog.events.map((e) => (
        <MenuItem key={e.name} value={e.name}>{e.name}</MenuItem>
      ))}
    </MuiTextField>
  );
}

function Rules({ catalog }: { catalog: Catalog }) {
  const event = useWatch({ name: 'event' });
  return <RulesInput catalog={catalog} facts={catalog.events.find((e) => e.name === event)?.facts ?? []} />;
}

export function RuleSetCreate() {
  const { data: catalog } = useCatalog();
  if (!catalog) return null;
  return (
    <Create redirect="edit">
      <SimpleForm>
        <TextInput source="key" validate={required()} helperText="lower-case words joined by dashes, e.g. leave-approval" />
        <EventInput catalog={catalog} />
        <TextInput source="description" multiline fullWidth />
        <Rules catalog={catalog} />
        <TextInput source="comment" label="What is this version for?" fullWidth />
      </SimpleForm>
    </Create>
  );
}
