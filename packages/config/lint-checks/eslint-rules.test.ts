// The repository's lint rules on small snippets placed at real paths: the layer table
// (imports point one way) and the process.env ban (each app reads its environment in one env.ts).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: join(repoRoot, "packages/config/eslint.config.js") });

async function messagesFor(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(repoRoot, file) });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe("layer table", () => {
  it("refuses an import against the direction (engine may not import platform)", async () => {
    const messages = await messagesFor("packages/engine/src/runs/example.ts", 'import { createTenant } from "@updraft/platform";\nexport const f = createTenant;\n');
    expect(messages).toEqual([expect.stringMatching(/^no-restricted-imports: .*packages\/engine may import only @updraft\/domain, @updraft\/dag, @updraft\/db/)]);
  });

  it("allows an import along the direction (platform may import engine)", async () => {
    expect(await messagesFor("packages/platform/src/tenants/example.ts", 'import { UserError } from "@updraft/engine";\nexport const f = UserError;\n')).toEqual([]);
  });

  it("refuses importing an app from a package", async () => {
    const messages = await messagesFor("packages/api/src/example.ts", 'import { x } from "@updraft/web";\nexport const f = x;\n');
    expect(messages).toEqual([expect.stringMatching(/^no-restricted-imports: .*nothing imports an app/)]);
  });
});

describe("process.env", () => {
  it("is refused outside the app's env.ts, with the way to fix it", async () => {
    const messages = await messagesFor("apps/scheduler/src/jobs/example.ts", "export const port = process.env.PORT;\n");
    expect(messages).toEqual([expect.stringContaining("Read the environment only in the app's env.ts")]);
  });

  it("is refused in packages, which take settings as parameters", async () => {
    const messages = await messagesFor("packages/engine/src/runs/example.ts", 'import { env } from "node:process";\nexport const url = env.DATABASE_URL;\n');
    expect(messages.some((m) => m.includes("Read the environment only in the app's env.ts"))).toBe(true);
  });

  it("is read in each app's config/env.ts", async () => {
    expect(await messagesFor("apps/scheduler/src/config/env.ts", "export const port = process.env.PORT;\n")).toEqual([]);
  });
});
