/**
 * Whether `value` (a parsed YAML tree, possibly sharing sub-trees through
 * aliases) has more than `limit` values once every alias is expanded. Stops
 * walking as soon as the limit is passed.
 */
export function exceedsValueCount(value: unknown, limit: number): boolean {
  const stack: unknown[] = [value];
  let count = 0;
  while (stack.length > 0) {
    const current = stack.pop();
    count += 1;
    if (count > limit) return true;
    if (Array.isArray(current)) {
      for (const item of current) stack.push(item);
    } else if (typeof current === "object" && current !== null) {
      for (const item of Object.values(current)) stack.push(item);
    }
  }
  return false;
}
