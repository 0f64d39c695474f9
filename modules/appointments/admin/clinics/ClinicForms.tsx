import { Create, Edit, SimpleForm } from 'react-admin';
import { ClinicInputs } from './ClinicInputs.js';

export const ClinicCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ openDays: [1, 2, 3, 4, 5], opensAt: '08:00', closesAt: '17:00', active: true }}>
      <ClinicInputs />
    </SimpleForm>
  </Create>
);

export const ClinicEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm>
      <ClinicInputs />
    </SimpleForm>
  </Edit>
);
