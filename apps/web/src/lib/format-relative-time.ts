const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

const STEPS: { unit: Intl.RelativeTimeFormatUnit; seconds: number }[] = [
  { unit: "day", seconds: 86_400 },
  { unit: "hour", seconds: 3_600 },
  { unit: "minute", seconds: 60 },
];

/** "just now", "5 minutes ago", "3 hours ago", "yesterday", "12 days ago". */
export function formatRelativeTime(value: Date, now: Date = new Date()): string {
  const seconds = Math.round((value.getTime() - now.getTime()) / 1000);
  if (Math.abs(seconds) < 45) return "just now";
  for (const step of STEPS) {
    if (Math.abs(seconds) >= step.seconds) return relative.format(Math.round(seconds / step.seconds), step.unit);
  }
  return relative.format(Math.sign(seconds), "minute");
}
