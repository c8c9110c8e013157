export interface InputIssue {
  path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>;
  message: string;
}

/** The validation issues carried by a zod / Standard Schema error, if any. */
export function readIssues(cause: unknown): InputIssue[] | null {
  if (typeof cause !== "object" || cause === null || !("issues" in cause)) return null;
  const issues = (cause as { issues: unknown }).issues;
  if (!Array.isArray(issues) || issues.length === 0) return null;
  return issues.filter(
    (i): i is InputIssue => typeof i === "object" && i !== null && typeof (i as InputIssue).message === "string",
  );
}

/** "fileName: Too small: expected string to have >=1 characters; conf: …" */
export function describeInputIssues(issues: InputIssue[]): string {
  return issues
    .map((issue) => {
      const path = (issue.path ?? [])
        .map((segment) => (typeof segment === "object" && segment !== null ? segment.key : segment))
        .map(String)
        .join(".");
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join("; ");
}
