import { MAX_FILE_NAME_LENGTH } from "@updraft/dag/limits";
import { describe, expect, it } from "vitest";
import { dagFileNameSchema } from "./dag-inputs";

describe("dagFileNameSchema", () => {
  it("accepts a name of exactly the limit after trimming and refuses one character more", () => {
    expect(dagFileNameSchema.parse(`  ${"a".repeat(MAX_FILE_NAME_LENGTH)}  `)).toBe("a".repeat(MAX_FILE_NAME_LENGTH));
    const over = dagFileNameSchema.safeParse("a".repeat(MAX_FILE_NAME_LENGTH + 1));
    expect(over.success).toBe(false);
    expect(over.error?.issues[0]?.message).toBe("File names are limited to 255 characters");
  });

  it("refuses an empty name", () => {
    expect(dagFileNameSchema.safeParse("   ").success).toBe(false);
  });
});
