/** "$1,234.56", "€0.0123": an amount in a currency for people (small amounts keep 4 significant places). */
export function formatMoney(amount: number, currency: string, locale = "en-US"): string {
  const small = amount !== 0 && Math.abs(amount) < 1;
  try {
    return new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      ...(small ? { maximumSignificantDigits: 4 } : {}),
    }).format(amount);
  } catch {
    return `${amount.toFixed(small ? 6 : 2)} ${currency}`;
  }
}
