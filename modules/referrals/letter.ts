/** What the referral letter shows: the referral, the patient, who refers and where to. */
import type { ModuleContext } from '../../server/host/types.js';
import type { Row } from '../../server/http/resource.js';

export const LETTER_TEMPLATE = 'referrals/referral-letter';

export const letterTitle = (referral: Row) => `Referral ${referral.number}`;

export async function letterData({ models }: ModuleContext, referral: Row): Promise<Record<string, unknown>> {
  const { Patient, PatientInsurance, Facility, User } = models;
  // One after another: inside the submit transaction they share one connection.
  const patient = await Patient.findByPk(referral.patientId, { attributes: ['mrn', 'givenName', 'middleName', 'familyName', 'birthDate', 'sex', 'phone'], raw: true });
  const insurances = await PatientInsurance.findAll({ where: { patientId: referral.patientId }, attributes: ['payerName', 'memberNumber'], order: [['isPrimary', 'DESC']], raw: true });
  const destination = referral.destinationId ? await Facility.findByPk(referral.destinationId, { raw: true }) : null;
  const physician = await User.findByPk(referral.referredBy, { attributes: ['name', 'email'], raw: true });
  return { referral, patient, insurances, destination, physician };
}
