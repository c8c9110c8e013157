const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+\-]*(?:\/[A-Za-z0-9_+\-]+)*$/;

/** Whether `name` is an IANA time zone name the runtime knows ("UTC", "Europe/Amsterdam"). */
export function isValidTimeZone(name: string): boolean {
  if (!IANA_NAME.test(name)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** IANA names known to the runtime, for "did you mean" suggestions. */
export function knownTimeZones(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone")];
}

/** The runtime's spelling of a valid zone when it differs only in case ("utc" -> "UTC"), else the name as given. */
export function canonicalTimeZone(name: string): string {
  const resolved = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
}
