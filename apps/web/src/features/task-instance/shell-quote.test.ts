import { describe, expect, it } from "vitest";
import { shellQuote } from "./shell-quote";

describe("shellQuote", () => {
  it("quotes only what a shell would split or expand", () => {
    expect(shellQuote(["sh", "-c", "echo $GREETING; exit 1"])).toBe("sh -c 'echo $GREETING; exit 1'");
    expect(shellQuote(["python", "train.py", "--date=2025-01-01"])).toBe("python train.py --date=2025-01-01");
    expect(shellQuote(["echo", "it's", ""])).toBe(`echo 'it'"'"'s' ''`);
  });
});
