/**
 * An account: name, e-mail and roles, with deactivation and password reset beside them.
 * Changing roles or deactivating ends the account's sessions (the server bumps its token version).
 */
import { Alert } from '@mui/material';
import { BooleanField, Edit, Labeled, ListButton, SimpleForm, TextInput, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { LocalDateField } from '../../kit/LocalDateField.js';
import { ActivationButton, ResetPasswordButton } from './AccountActions.js';
import { RolesInput } from './RolesInput.js';

const Actions = () => (
  <TopToolbar>
    <ListButton />
    <ResetPasswordButton />
    <ActivationButton />
  </TopToolbar>
);

function Status() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <>
      {!record.active && (
        <Alert severity="warning" data-testid="user-deactivated">
          {translate('his.users.is_deactivated')}
        </Alert>
      )}
      <Labeled source="active">
        <BooleanField source="active" />
      </Labeled>
      <Labeled source="lastLoginAt">
        <LocalDateField source="lastLoginAt" showTime emptyText="—" />
      </Labeled>
    </>
  );
}

const toBody = ({ name, email, roles, version }: Record<string, unknown>) => ({ name, email, roles, version });

export function UserEdit() {
  return (
    <Edit actions={<Actions />} mutationMode="pessimistic" transform={toBody}>
      <SimpleForm>
        <Status />
        <TextInput source="name" isRequired />
        <TextInput source="email" type="email" isRequired />
        <RolesInput />
      </SimpleForm>
    </Edit>
  );
}
