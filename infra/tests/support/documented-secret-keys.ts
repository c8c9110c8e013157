import { readFileSync } from "node:fs";
import { repoPath } from "./repo-paths";

/**
 * The keys of the Secret `updraft-secrets` that infra/README.md documents:
 * the first column of the table under the heading that names the Secret.
 */
export function documentedSecretKeys(): Set<string> {
  const readme = readFileSync(repoPath("infra", "README.md"), "utf8");
  const start = readme.search(/^#+ .*`updraft-secrets`/m);
  if (start < 0) throw new Error("infra/README.md has no heading naming the Secret `updraft-secrets`");
  const rest = readme.slice(start);
  const afterTitle = rest.indexOf("\n") + 1;
  const nextHeading = rest.slice(afterTitle).search(/^#+ /m);
  const section = nextHeading < 0 ? rest : rest.slice(0, afterTitle + nextHeading);
  const keys = [...section.matchAll(/^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|/gm)].map((match) => match[1]!);
  if (keys.length === 0) throw new Error("infra/README.md's `updraft-secrets` section has no table of keys");
  return new Set(keys);
}
