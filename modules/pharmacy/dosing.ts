import { Invalid } from '../../server/http/errors.js';
import type { Row } from '../../server/http/resource.js';

/** Administrations per day; STAT is one dose once, PRN has no schedule. */
export const PER_DAY: Record<string, number | null> = { STAT: 1, OD: 1, NOCTE: 1, BD: 2, TDS: 3, QID: 4, PRN: null };

/**
 * Units to dispense (tablets, capsules...): the dose in dispensing units (a 250 mg dose of a
 * 500 mg tablet is half a tablet) x doses per day x days, rounded up to whole units. As-needed
 * orders and devices (an inhaler lasts weeks) carry the quantity the prescriber gives.
 */
export function quantityFor(item: Row, drug: Row, index: number): number {
  const at = `items.${index}`;
  if (item.quantity) return item.quantity;
  if (item.frequency === 'PRN') throw new Invalid('An as-needed order gives the quantity', { [`${at}.quantity`]: 'give the quantity for an as-needed (PRN) order' });
  let unitsPerDose: number;
  if (item.doseUnit === drug.dispenseUnit) unitsPerDose = item.dose;
  else if (drug.strengthValue && item.doseUnit === drug.strengthUnit) unitsPerDose = item.dose / drug.strengthValue;
  else {
    const units = [drug.strengthUnit, drug.dispenseUnit].filter(Boolean).join(' or ');
    throw new Invalid(`The dose of ${drug.genericName} is given in ${units}`, { [`${at}.doseUnit`]: `${units} for ${drug.genericName} ${drug.strength}` });
  }
  const days = item.frequency === 'STAT' ? 1 : item.durationDays;
  return Math.ceil(unitsPerDose * PER_DAY[item.frequency]! * days - 1e-9);
}
