import { readdirSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";

interface Rule {
  regex: RegExp;
  /** A `!` line: re-includes what earlier lines excluded. */
  include: boolean;
  pattern: string;
}

/**
 * A .dockerignore matcher following Docker's rules (moby/patternmatcher):
 * patterns are relative to the context root, `*` and `?` stay within one path
 * segment, `**` spans any number of segments, a pattern also excludes
 * everything below a directory it matches, and the last matching line wins
 * (`!pattern` re-includes).
 */
export class DockerIgnore {
  private readonly rules: Rule[];

  constructor(text: string) {
    this.rules = text
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("#"))
      .map((line) => {
        const include = line.startsWith("!");
        const pattern = posix.normalize((include ? line.slice(1) : line).trim().replace(/^\/+/, "")).replace(/\/+$/, "");
        return { regex: toRegex(pattern), include, pattern };
      });
  }

  static read(file: string): DockerIgnore {
    return new DockerIgnore(readFileSync(file, "utf8"));
  }

  /** Whether the context path (relative, with `/`) is left out of the build context. */
  ignores(path: string): boolean {
    const clean = posix.normalize(path).replace(/^\.\//, "").replace(/\/+$/, "");
    const parents = clean.split("/").map((_, i, parts) => parts.slice(0, i + 1).join("/"));
    let ignored = false;
    for (const rule of this.rules) {
      if (parents.some((candidate) => rule.regex.test(candidate))) ignored = !rule.include;
    }
    return ignored;
  }
}

function toRegex(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === "*" && pattern[i + 1] === "*") {
      // "**/" matches zero or more directories; a trailing "**" matches anything.
      if (pattern[i + 2] === "/") {
        source += "(?:.*/)?";
        i += 2;
      } else {
        source += ".*";
        i += 1;
      }
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else source += char.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

/** Folders never walked when listing the build context here (they are checked to be ignored instead). */
export const BULKY_FOLDERS = new Set([".git", "node_modules", ".next", ".turbo", "dist", ".updraft"]);

/** Every file of the context root that the ignore file lets into the build context (bulky output folders not walked). */
export function contextFiles(root: string, ignore: DockerIgnore): string[] {
  const files: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
      const path = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!BULKY_FOLDERS.has(entry.name)) walk(path);
      } else if (!ignore.ignores(path)) files.push(path);
    }
  };
  walk("");
  return files;
}
