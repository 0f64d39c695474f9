import { QueryTypes, type Sequelize } from 'sequelize';
import type { Coverage, CoverageResolver } from '../billing/coverage.js';

/**
 * The coverage billing applies: the patient's insurance valid on the service date (primary
 * first) with an active payer we know the terms of. A membership with a payer we have no terms
 * for is not coverage: nobody could be claimed.
 */
export function coverageResolver(sequelize: Sequelize): CoverageResolver {
  return async (patientId, onDate) => {
    const [row] = await sequelize.query<Coverage>(
      `SELECT p.code AS "payerCode", pi.member_number AS "memberNumber", p.copay_percent AS "copayPercent", p.excluded_price_codes AS "excludedPriceCodes"
         FROM patient_insurances pi JOIN insurance_payers p ON p.code = pi.payer_code AND p.active
        WHERE pi.patient_id = :patientId AND pi.valid_from <= :onDate AND (pi.valid_to IS NULL OR pi.valid_to >= :onDate)
        ORDER BY pi.is_primary DESC, pi.valid_from DESC LIMIT 1`,
      { type: QueryTypes.SELECT, replacements: { patientId, onDate } },
    );
    return row ?? null;
  };
}
