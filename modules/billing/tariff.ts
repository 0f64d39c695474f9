import { Op, type ModelStatic, type Model } from 'sequelize';

export interface Price {
  unitPrice: number;
  description: string;
  department: string;
}

/** The active tariff price of a code on a date, the payer's own price when it negotiated one. */
export async function priceFor(PriceList: ModelStatic<Model>, code: string, onDate: string, payerCode?: string | null): Promise<Price | null> {
  const row = (await PriceList.findOne({
    where: { code, activeFrom: { [Op.lte]: onDate }, [Op.or]: [{ activeTo: null }, { activeTo: { [Op.gte]: onDate } }] },
    raw: true,
  })) as Record<string, any> | null;
  if (!row) return null;
  const payerPrice = payerCode ? row.payerPrices?.[payerCode] : undefined;
  return { unitPrice: Number.isInteger(payerPrice) ? payerPrice : row.unitPrice, description: row.description, department: row.department };
}
