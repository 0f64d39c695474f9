import { Create, PasswordInput, SimpleForm, TextInput } from 'react-admin';
import { RolesInput } from './RolesInput.js';

export function UserCreate() {
  return (
    <Create redirect="list" mutationMode="pessimistic">
      <SimpleForm>
        <TextInput source="name" isRequired />
        <TextInput source="email" type="email" isRequired />
        <PasswordInput source="password" isRequired autoComplete="new-password" />
        <RolesInput />
      </SimpleForm>
    </Create>
  );
}
