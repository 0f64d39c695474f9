import { Create, Edit, SimpleForm } from 'react-admin';
import { ScheduleInputs } from './ScheduleInputs.js';

export const ScheduleCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ slotMinutes: 15, startTime: '08:00', endTime: '12:00', active: true }}>
      <ScheduleInputs creating />
    </SimpleForm>
  </Create>
);

export const ScheduleEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm>
      <ScheduleInputs />
    </SimpleForm>
  </Edit>
);
