/** Minor units (what the API stores) as an amount with two decimals. */
export const money = (minor: number | null | undefined) => ((minor ?? 0) / 100).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
