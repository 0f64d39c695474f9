/**
 * A patient's record in tabs: demographics, allergies, insurance, and (for those who may read
 * the audit trail) the history of changes. Editing and deleting appear only where granted.
 */
import { Typography } from '@mui/material';
import {
  ArrayField,
  BooleanField,
  Datagrid,
  DeleteButton,
  EditButton,
  SelectField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { LocalDateField } from '../../../../admin/kit.js';
import { BLOOD_GROUP_CHOICES, SEVERITY_CHOICES, SEX_CHOICES, STATUS_CHOICES } from './choices.js';
import { PatientHeader } from './PatientHeader.js';
import { PatientHistory } from './PatientHistory.js';

const ShowActions = () => (
  <TopToolbar>
    <EditButton />
    <DeleteButton mutationMode="pessimistic" />
  </TopToolbar>
);

function Title() {
  const record = useRecordContext();
  return <span>{record ? `${record.mrn} · ${record.givenName} ${record.familyName}` : ''}</span>;
}

export function PatientShow() {
  const { canAccess: mayReadHistory } = useCanAccess({ resource: 'audit-logs', action: 'read' });
  return (
    <Show actions={<ShowActions />} title={<Title />}>
      <PatientHeader />
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="patients.tabs.demographics">
          <TextField source="givenName" />
          <TextField source="middleName" emptyText="—" />
          <TextField source="familyName" />
          <SelectField source="sex" choices={SEX_CHOICES} />
          <LocalDateField source="birthDate" />
          <BooleanField source="birthDateEstimated" />
          <TextField source="nationalId" emptyText="—" />
          <SelectField source="bloodGroup" choices={BLOOD_GROUP_CHOICES} emptyText="—" />
          <TextField source="phone" emptyText="—" />
          <TextField source="email" emptyText="—" />
          <TextField source="address" emptyText="—" />
          <TextField source="city" emptyText="—" />
          <TextField source="nextOfKinName" emptyText="—" />
          <TextField source="nextOfKinPhone" emptyText="—" />
          <TextField source="nextOfKinRelationship" emptyText="—" />
          <SelectField source="status" choices={STATUS_CHOICES} />
          <LocalDateField source="createdAt" showTime />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="patients.tabs.allergies" path="allergies">
          <ArrayField source="allergies" label={false}>
            <Datagrid bulkActionButtons={false} rowClick={false} empty={<EmptyNote text="patients.no_allergies" />}>
              <TextField source="substance" label="resources.patient-allergies.fields.substance" />
              <TextField source="reaction" label="resources.patient-allergies.fields.reaction" />
              <SelectField source="severity" choices={SEVERITY_CHOICES} label="resources.patient-allergies.fields.severity" />
              <LocalDateField source="notedOn" label="resources.patient-allergies.fields.notedOn" />
            </Datagrid>
          </ArrayField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="patients.tabs.insurance" path="insurance">
          <ArrayField source="insurances" label={false}>
            <Datagrid bulkActionButtons={false} rowClick={false} empty={<EmptyNote text="patients.no_insurance" />}>
              <TextField source="payerName" label="resources.patient-insurances.fields.payerName" />
              <TextField source="memberNumber" label="resources.patient-insurances.fields.memberNumber" />
              <TextField source="plan" label="resources.patient-insurances.fields.plan" />
              <LocalDateField source="validFrom" label="resources.patient-insurances.fields.validFrom" />
              <LocalDateField source="validTo" label="resources.patient-insurances.fields.validTo" />
              <BooleanField source="isPrimary" label="resources.patient-insurances.fields.isPrimary" />
            </Datagrid>
          </ArrayField>
        </TabbedShowLayout.Tab>
        {mayReadHistory && (
          <TabbedShowLayout.Tab label="patients.tabs.history" path="history">
            <PatientHistory />
          </TabbedShowLayout.Tab>
        )}
      </TabbedShowLayout>
    </Show>
  );
}

function EmptyNote({ text }: { text: string }) {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ p: 1 }}>
      {translate(text)}
    </Typography>
  );
}
