import { Create, SimpleForm } from 'react-admin';
import { FacilityInputs } from './FacilityInputs.js';

export function FacilityCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <FacilityInputs creating />
      </SimpleForm>
    </Create>
  );
}
