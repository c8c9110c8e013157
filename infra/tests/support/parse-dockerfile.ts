/**
 * A small Dockerfile parser, enough for the checks in dockerfiles.test.ts:
 * it joins continuation lines, drops comments and parser directives, splits
 * each instruction into keyword, `--flag=value` options and arguments (shell
 * form as words, exec form as its JSON array), and groups instructions into
 * stages by FROM. ARG defaults declared before the first FROM are substituted
 * into FROM lines. Not handled (not used here): heredocs, ONBUILD, escape
 * directives other than the default backslash.
 */
export interface Instruction {
  keyword: string;
  flags: Record<string, string>;
  /** Arguments: the exec form's JSON array, or the shell form split on whitespace. */
  args: string[];
  /** The instruction's text after the keyword and flags, as written (continuations joined). */
  raw: string;
  /** Whether the arguments were written as a JSON array (exec form). */
  exec: boolean;
  line: number;
}

export interface Stage {
  /** The `AS name`, or the stage's index as a string. */
  name: string;
  index: number;
  /** The image or earlier stage it starts from. */
  base: string;
  instructions: Instruction[];
}

export interface Dockerfile {
  stages: Stage[];
  /** ARG defaults before the first FROM. */
  globalArgs: Record<string, string>;
}

function logicalLines(text: string): { text: string; line: number }[] {
  const lines = text.split("\n");
  const result: { text: string; line: number }[] = [];
  let current = "";
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (current === "" && (trimmed === "" || trimmed.startsWith("#"))) continue;
    // Comment lines inside a continued instruction are skipped, as Docker does.
    if (current !== "" && trimmed.startsWith("#")) continue;
    if (current === "") start = i + 1;
    if (/\\\s*$/.test(line)) {
      current += line.replace(/\\\s*$/, " ");
      continue;
    }
    current += line;
    result.push({ text: current.trim(), line: start });
    current = "";
  }
  if (current.trim() !== "") result.push({ text: current.trim(), line: start });
  return result;
}

function parseInstruction(text: string, line: number): Instruction {
  const match = /^(\S+)\s*(.*)$/s.exec(text)!;
  const keyword = match[1]!.toUpperCase();
  let rest = match[2]!;
  const flags: Record<string, string> = {};
  for (;;) {
    const flag = /^--([\w-]+)(?:=(\S*))?\s*/.exec(rest);
    if (!flag) break;
    flags[flag[1]!] = flag[2] ?? "true";
    rest = rest.slice(flag[0].length);
  }
  // HEALTHCHECK [options] CMD <command>: keep the CMD word and parse what follows it.
  let argText = rest.trim();
  let prefix: string[] = [];
  if (keyword === "HEALTHCHECK") {
    const cmd = /^(CMD|NONE)\b\s*(.*)$/is.exec(argText);
    if (cmd) {
      prefix = [cmd[1]!.toUpperCase()];
      argText = cmd[2]!.trim();
    }
  }
  let args: string[];
  let exec = false;
  if (argText.startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(argText);
      if (Array.isArray(parsed) && parsed.every((item) => typeof item === "string")) {
        args = parsed as string[];
        exec = true;
      } else args = argText.split(/\s+/);
    } catch {
      args = argText.split(/\s+/);
    }
  } else {
    args = argText === "" ? [] : argText.split(/\s+/);
  }
  return { keyword, flags, args: [...prefix, ...args], raw: rest.trim(), exec, line };
}

function substitute(text: string, args: Record<string, string>): string {
  return text.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, braced: string | undefined, bare: string | undefined) => args[(braced ?? bare)!] ?? whole);
}

export function parseDockerfile(text: string): Dockerfile {
  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const { text: line, line: number } of logicalLines(text)) {
    const instruction = parseInstruction(line, number);
    if (instruction.keyword === "FROM") {
      const [image, as, name] = instruction.args;
      const index = stages.length;
      stages.push({
        name: as?.toUpperCase() === "AS" && name ? name : String(index),
        index,
        base: substitute(image ?? "", globalArgs),
        instructions: [],
      });
      continue;
    }
    if (stages.length === 0) {
      if (instruction.keyword === "ARG") {
        const [name, value] = (instruction.args[0] ?? "").split("=", 2);
        if (name) globalArgs[name] = value ?? "";
      }
      continue;
    }
    stages.at(-1)!.instructions.push(instruction);
  }
  return { stages, globalArgs };
}

/** COPY/ADD's sources and destination (exec or shell form). */
export function copyPaths(instruction: Instruction): { sources: string[]; dest: string } {
  const parts = [...instruction.args];
  const dest = parts.pop();
  if (!dest || parts.length === 0) throw new Error(`line ${instruction.line}: ${instruction.keyword} needs a source and a destination`);
  return { sources: parts, dest };
}
