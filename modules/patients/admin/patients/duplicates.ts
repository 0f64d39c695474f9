/** What `POST /api/patients/check-duplicates` answers, and the body it expects. */
export interface PatientMatch {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  phone?: string | null;
  score?: number;
}

export interface DuplicateCheck {
  existing: PatientMatch | null;
  possibleDuplicates: PatientMatch[];
}

export const hasMatches = (c: DuplicateCheck | null | undefined) => Boolean(c && (c.existing || c.possibleDuplicates.length));

/** The registration values the check needs; estimated ages are sent as such. */
export function duplicateQuery(values: Record<string, any>) {
  return {
    givenName: values.givenName ?? '',
    familyName: values.familyName ?? '',
    ...(values.estimatedAge !== undefined && values.estimatedAge !== null && values.estimatedAge !== '' ? { estimatedAge: Number(values.estimatedAge) } : {}),
    ...(values.birthDate ? { birthDate: values.birthDate } : {}),
    ...(values.nationalId ? { nationalId: values.nationalId } : {}),
  };
}

/** Registration form values to the API's: the birth date or the estimated age, not both. */
export function registrationBody(values: Record<string, any>) {
  const { ageIsEstimated, ...rest } = values;
  if (ageIsEstimated) {
    delete rest.birthDate;
    if (rest.estimatedAge !== undefined && rest.estimatedAge !== null) rest.estimatedAge = Number(rest.estimatedAge);
  } else delete rest.estimatedAge;
  return rest;
}
