/** "2030-03-01 14:05 UTC": how token messages name a moment. */
export function formatTokenDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
