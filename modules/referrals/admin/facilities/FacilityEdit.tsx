import { Edit, SimpleForm } from 'react-admin';
import { FacilityInputs } from './FacilityInputs.js';

/** A facility that closes is made inactive: referrals keep pointing at it. */
export function FacilityEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list">
      <SimpleForm>
        <FacilityInputs />
      </SimpleForm>
    </Edit>
  );
}
