/**
 * "999999123456" uakt -> "999,999.12": grouped for reading at a glance in the header; truncated, never rounded up,
 * so the header never shows more than the account holds.
 */
export function formatBalance(base: string, decimals: number, fractionDigits = 2): string {
  const value = BigInt(base);
  const unit = 10n ** BigInt(decimals);
  const whole = (value / unit).toLocaleString("en-US");
  const fraction = (value % unit).toString().padStart(decimals, "0").slice(0, fractionDigits).replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : whole;
}

/** akash15yk64u7zc9g9k2yr2wmzeva5qgwxps6ytfzgqy -> akash15yk6…fzgqy */
export function shortAddress(address: string): string {
  return address.length > 16 ? `${address.slice(0, 10)}…${address.slice(-5)}` : address;
}
