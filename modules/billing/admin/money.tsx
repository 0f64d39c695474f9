/** Money arrives in minor units (cents); shown with two decimals. */
export const formatMoney = (minor: number | null | undefined) => (typeof minor === 'number' ? (minor / 100).toFixed(2) : '');

export function Money({ value }: { value: number | null | undefined }) {
  return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatMoney(value)}</span>;
}
