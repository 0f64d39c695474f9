import { QueryTypes, type Sequelize } from 'sequelize';

/**
 * The next receipt number. The counter row stays locked until the payment's transaction ends:
 * concurrent payments queue here, and a payment that fails rolls its number back, so receipt
 * numbers form an unbroken sequence (a database sequence would leave gaps).
 */
export async function nextReceiptNumber(sequelize: Sequelize): Promise<string> {
  const [row] = await sequelize.query<{ value: string }>(
    `UPDATE billing_counters SET value = value + 1 WHERE name = 'receipt' RETURNING value`,
    { type: QueryTypes.SELECT },
  );
  return `R${String(row.value).padStart(8, '0')}`;
}
