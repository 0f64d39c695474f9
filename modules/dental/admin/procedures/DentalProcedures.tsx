/** Dental procedures: the treatment plan per tooth and surface; done ones are charged. */
import { Button } from '@mui/material';
import {
  AutocompleteInput,
  CheckboxGroupInput,
  Create,
  Datagrid,
  DateField,
  List,
  NumberInput,
  ReferenceField,
  ReferenceInput,
  SelectField,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  required,
  useCanAccess,
  useRecordContext,
} from 'react-admin';
import { useRecordAction } from '../../../../admin/kit.js';
import { DENTAL_PROCEDURES } from '../../procedure-codes.js';
import { SURFACES, SURFACE_NAMES } from '../../teeth.js';

const STATUS = [
  { id: 'planned', name: 'Planned' },
  { id: 'done', name: 'Done' },
  { id: 'cancelled', name: 'Cancelled' },
];
const CODES = DENTAL_PROCEDURES.map((p) => ({ id: p.code, name: p.label }));

function RowActions() {
  const record = useRecordContext();
  const complete = useRecordAction('dental-procedures', 'complete', { successMessage: 'Done and charged' });
  const cancel = useRecordAction('dental-procedures', 'cancel', { successMessage: 'Cancelled' });
  const { canAccess: mayComplete } = useCanAccess({ resource: 'dental-procedures', action: 'complete' });
  if (!record || record.status !== 'planned' || !mayComplete) return null;
  return (
    <>
      <Button size="small" disabled={!record.encounterId} title={record.encounterId ? '' : 'Record it from an encounter'} onClick={(e) => (e.stopPropagation(), complete.mutate({ id: record.id }))}>
        Done
      </Button>
      <Button size="small" onClick={(e) => (e.stopPropagation(), cancel.mutate({ id: record.id }))}>
        Cancel
      </Button>
    </>
  );
}

const filters = [<ReferenceInput key="patientId" source="patientId" reference="patients" alwaysOn />, <SelectInput key="status" source="status" choices={STATUS} alwaysOn />];

export function DentalProcedureList() {
  return (
    <List filters={filters}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <DateField source="createdAt" />
        <ReferenceField source="patientId" reference="patients" link={false} />
        <TextField source="tooth" emptyText="—" />
        <TextField source="description" />
        <TextField source="priceCode" />
        <SelectField source="status" choices={STATUS} />
        <RowActions />
      </Datagrid>
    </List>
  );
}

export function DentalProcedureCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <ReferenceInput source="patientId" reference="patients">
          <AutocompleteInput validate={required()} />
        </ReferenceInput>
        <ReferenceInput source="encounterId" reference="encounters" filter={{ type: 'dental', status: 'open' }} />
        <SelectInput source="procedureCode" choices={CODES} validate={required()} />
        <NumberInput source="tooth" helperText="FDI: 11-48 permanent, 51-85 primary" />
        <CheckboxGroupInput source="surfaces" choices={SURFACES.map((s) => ({ id: s, name: `${s} (${SURFACE_NAMES[s]})` }))} />
        <SelectInput source="status" choices={STATUS.slice(0, 2)} defaultValue="planned" />
        <TextInput source="notes" multiline fullWidth />
      </SimpleForm>
    </Create>
  );
}
