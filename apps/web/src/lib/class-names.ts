/** Joins the class names that are set, with single spaces: `classNames("a", cond && "b", "")` is "a b" or "a". */
export function classNames(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(" ");
}
