/**
 * The rule editor: description and rules (structured and JSON), saved as a new version that
 * takes effect for the next case; the version history with diff and activate; "try it".
 */
import { Divider, LinearProgress, Stack } from '@mui/material';
import { Edit, SimpleForm, TextInput, useCanAccess, useNotify, useRecordContext, useRefresh, type RaRecord } from 'react-admin';
import { useCatalog } from '../api.js';
import { RulesInput } from './RulesInput.js';
import { TryIt } from './TryIt.js';
import { VersionHistory } from './VersionHistory.js';

function Body() {
  const record = useRecordContext<RaRecord & { knownFacts: string[]; versions: never[] }>();
  const { data: catalog } = useCatalog();
  const { canAccess: canActivate } = useCanAccess({ resource: 'workflow-rules', action: 'activate' });
  // The list's row is shown first as a placeholder; it lacks the rules and versions.
  if (!record?.versions || !catalog) return <LinearProgress sx={{ width: '100%' }} />;
  return (
    <Stack spacing={3} sx={{ width: '100%' }}>
      <TextInput source="description" multiline fullWidth />
      <RulesInput catalog={catalog} facts={record.knownFacts ?? []} />
      <TextInput source="comment" label="What changed in this version?" fullWidth defaultValue="" />
      <Divider />
      <TryIt record={record} facts={record.knownFacts ?? []} />
      <Divider />
      <VersionHistory record={record} canActivate={Boolean(canActivate)} />
    </Stack>
  );
}

export function RuleSetEdit() {
  const notify = useNotify();
  const refresh = useRefresh();
  // The save answers with the rule set row only: refetch it with its rules and versions.
  const onSuccess = () => {
    notify('Saved; the next case follows this version', { type: 'success' });
    refresh();
  };
  return (
    <Edit mutationMode="pessimistic" redirect={false} mutationOptions={{ onSuccess }} title={<Title />}>
      <SimpleForm>
        <Body />
      </SimpleForm>
    </Edit>
  );
}

function Title() {
  const record = useRecordContext();
  return <span>Rule set {record?.key as string}</span>;
}
