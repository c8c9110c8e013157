// The repository documents itself: no file points at design documents
// outside it, and every link in its markdown resolves to a tracked file inside
// it (README, design decision D14).
import { readFileSync } from "node:fs";
import { posix } from "node:path";
import { describe, expect, it } from "vitest";
import { findMarkdownLinks } from "./find-markdown-links";
import { headingAnchors } from "./heading-anchors";
import { listTrackedFiles, REPO_ROOT } from "./list-tracked-files";

const files = listTrackedFiles();
const tracked = new Set(files);
const folders = new Set(files.flatMap((file) => file.split("/").slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join("/"))));

/** Assembled so that this file does not contain what it looks for. */
const OUTSIDE_REFERENCES = [["..", "shared", ""].join("/"), ["shared", "design", ""].join("/")];

function textOf(file: string): string | null {
  const bytes = readFileSync(posix.join(REPO_ROOT, file));
  return bytes.includes(0) ? null : bytes.toString("utf8");
}

function linkProblem(file: string, target: string, text: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
    return target.toLowerCase().startsWith("file:") ? "a file: URL points outside the repository" : null;
  }
  if (target.startsWith("/") || target.startsWith("~")) return "an absolute path: link relative to this file";
  const [rawPath = "", fragment] = target.split("#", 2);
  const path = rawPath === "" ? file : posix.normalize(posix.join(posix.dirname(file), decodeURI(rawPath))).replace(/\/$/, "");
  if (path === ".." || path.startsWith("../")) return "points outside the repository";
  if (!tracked.has(path) && !folders.has(path)) return `no tracked file or folder ${path}`;
  if (fragment === undefined || fragment === "" || !path.endsWith(".md")) return null;
  const anchors = headingAnchors(path === file ? text : (textOf(path) ?? ""));
  return anchors.has(fragment) ? null : `${path} has no heading with the anchor #${fragment}`;
}

describe("the repository's documentation stays inside it", () => {
  it("finds the tracked files", () => {
    expect(tracked.has("README.md")).toBe(true);
    expect(tracked.has("packages/dag/README.md")).toBe(true);
  });

  it("has no reference to the design folder outside the repository, in any tracked file", () => {
    const problems: string[] = [];
    for (const file of files) {
      const text = textOf(file);
      if (text === null) continue;
      text.split("\n").forEach((line, index) => {
        const found = OUTSIDE_REFERENCES.find((reference) => line.includes(reference));
        if (found) problems.push(`${file}:${index + 1}: refers to ${found} (outside the repository): ${line.trim()}`);
      });
    }
    expect(problems, "point at the in-repo docs instead: README.md (Architecture) or packages/dag/README.md").toEqual([]);
  });

  it("links, in every markdown file, only to tracked files and headings inside the repository", () => {
    const problems: string[] = [];
    for (const file of files.filter((f) => f.endsWith(".md"))) {
      const text = textOf(file) ?? "";
      for (const link of findMarkdownLinks(text)) {
        const problem = linkProblem(file, link.target, text);
        if (problem) problems.push(`${file}:${link.line}: (${link.target}) ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
