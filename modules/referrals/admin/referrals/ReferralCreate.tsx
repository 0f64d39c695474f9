import { Create, SimpleForm } from 'react-admin';
import { ReferralInputs } from './ReferralInputs.js';

/** A new referral starts as a draft; submitting it is a separate, deliberate step. */
export function ReferralCreate() {
  return (
    <Create redirect="show">
      <SimpleForm>
        <ReferralInputs creating />
      </SimpleForm>
    </Create>
  );
}
