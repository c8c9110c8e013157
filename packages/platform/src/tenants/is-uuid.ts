const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether text is a uuid (ids from users are checked before they reach a ::uuid cast). */
export function isUuid(text: unknown): text is string {
  return typeof text === "string" && UUID.test(text);
}
