/** The roles of an account, picked from the roles the system knows (modules may add some). */
import { CheckboxGroupInput, ReferenceArrayInput, required } from 'react-admin';

export function RolesInput() {
  return (
    <ReferenceArrayInput source="roles" reference="roles" perPage={100} sort={{ field: 'id', order: 'ASC' }}>
      <CheckboxGroupInput optionText="label" validate={required()} row={false} />
    </ReferenceArrayInput>
  );
}
