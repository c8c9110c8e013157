import { readFileSync } from "node:fs";
import { waitUntil } from "@updraft/config/wait-until";
import { afterEach, describe, expect, it } from "vitest";
import { describeChildExit, superviseChildren, type ChildSpec, type Supervisor } from "./supervise-children";

/** A fake long-running service: says hello, and on SIGTERM says goodbye and exits 0. */
function politeChild(name: string, extra = ""): ChildSpec {
  const script = `
    process.on("SIGTERM", () => { console.log("${name} got SIGTERM"); process.exit(0); });
    ${extra}
    console.log("hello from ${name}");
    console.error("${name} warming up");
    setInterval(() => {}, 1000);`;
  return { name, command: process.execPath, args: ["-e", script] };
}

/** A child that starts a SIGTERM-proof process in its own group (printing its pid), and itself exits 0 on SIGTERM. */
function leavesGrandchild(name: string): ChildSpec {
  return politeChild(
    name,
    `const g = require("node:child_process").spawn("sh", ["-c", "trap '' TERM; exec sleep 100"], { stdio: "ignore" });
     console.log("grandchild " + g.pid);`,
  );
}

/**
 * The grandchild's pid, once it ignores SIGTERM: its pid is printed right after the spawn, before `sh` has run
 * `trap '' TERM`; once it has exec'd `sleep` (which keeps the ignored disposition) a stop can no longer kill it.
 */
async function grandchildPid(io: ReturnType<typeof capture>, name: string): Promise<number> {
  const pattern = new RegExp(`\\[${name}\\] grandchild (\\d+)\\n`);
  await until(() => pattern.test(io.text()), `the ${name} child to print its grandchild's pid`);
  const pid = Number(pattern.exec(io.text())![1]);
  await until(() => commandOf(pid) === "sleep", `grandchild ${pid} to exec sleep`);
  return pid;
}

function commandOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return undefined;
  }
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    options: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t) },
    text: () => out.join(""),
  };
}

/** Waits for `check` as long as it takes (the test's timeout guards against a hang), naming `what` every 30 s. */
async function until(check: () => boolean, what: string): Promise<void> {
  await waitUntil(check, () => what, { pollMs: 20 });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const supervisors: Supervisor[] = [];
afterEach(async () => {
  for (const s of supervisors.splice(0)) s.forceKill();
});

describe("superviseChildren", () => {
  it("prefixes each child's output lines and forwards SIGTERM when stopped", async () => {
    const io = capture();
    const supervisor = superviseChildren([politeChild("web"), politeChild("scheduler")], io.options);
    supervisors.push(supervisor);
    await until(() => io.text().includes("hello from web") && io.text().includes("hello from scheduler"), "both children to say hello");
    expect(io.text()).toContain("[web] hello from web\n");
    expect(io.text()).toContain("[scheduler] hello from scheduler\n");
    expect(io.err.join("")).toContain("[web] web warming up\n");

    const exits = await supervisor.stop();

    expect(exits).toEqual([
      { name: "web", code: 0, signal: null },
      { name: "scheduler", code: 0, signal: null },
    ]);
    expect(io.text()).toContain("[web] web got SIGTERM\n");
    expect(io.text()).toContain("[scheduler] scheduler got SIGTERM\n");
  });

  it("when one child dies, reports which one and stops the other", async () => {
    const io = capture();
    const dying = politeChild("scheduler", `setTimeout(() => { console.error("boom: database unreachable"); process.exit(3); }, 300);`);
    const supervisor = superviseChildren([politeChild("web"), dying], io.options);
    supervisors.push(supervisor);

    const died = await supervisor.unexpectedExit;
    expect(died).toEqual({ name: "scheduler", code: 3, signal: null });
    expect(describeChildExit(died)).toBe("scheduler exited with code 3");
    expect(io.err.join("")).toContain("[scheduler] boom: database unreachable\n");

    const exits = await supervisor.stop();
    expect(exits[0]).toEqual({ name: "web", code: 0, signal: null });
    expect(io.text()).toContain("[web] web got SIGTERM\n");
    expect(io.text()).not.toContain("scheduler got SIGTERM");
  });

  it("SIGKILLs a child that ignores SIGTERM after the stop timeout, with its whole process group", async () => {
    const io = capture();
    const stubborn: ChildSpec = {
      name: "web",
      command: "sh",
      args: ["-c", "trap '' TERM; sleep 100 & echo $!; wait"],
    };
    const supervisor = superviseChildren([stubborn], { ...io.options, stopTimeoutMs: 300 });
    supervisors.push(supervisor);
    await until(() => /\[web\] \d+\n/.test(io.text()), "the web child to print its pid");
    const grandchild = Number(/\[web\] (\d+)\n/.exec(io.text())![1]);
    expect(isAlive(grandchild)).toBe(true);

    const started = Date.now();
    const [exit] = await supervisor.stop();
    expect(exit).toEqual({ name: "web", code: null, signal: "SIGKILL" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    await until(() => !isAlive(grandchild) || isZombie(grandchild), `grandchild ${grandchild} to be gone`);
  });

  it("forceKill stops everything at once", async () => {
    const io = capture();
    const ignoresTerm = politeChild("web", `process.removeAllListeners("SIGTERM"); process.on("SIGTERM", () => {});`);
    const supervisor = superviseChildren([ignoresTerm], { ...io.options, stopTimeoutMs: 60_000 });
    supervisors.push(supervisor);
    await until(() => io.text().includes("hello from web"), "the web child to say hello");
    const stopping = supervisor.stop();
    supervisor.forceKill();
    await expect(stopping).resolves.toEqual([{ name: "web", code: null, signal: "SIGKILL" }]);
  });

  it("after a child exits, waits for what it left running in its group and SIGKILLs it at the stop timeout", async () => {
    const io = capture();
    const supervisor = superviseChildren([leavesGrandchild("web")], { ...io.options, stopTimeoutMs: 300 });
    supervisors.push(supervisor);
    const grandchild = await grandchildPid(io, "web");

    const exits = await supervisor.stop();

    expect(exits).toEqual([{ name: "web", code: 0, signal: null }]);
    expect(isAlive(grandchild) && !isZombie(grandchild)).toBe(false);
  });

  it("forceKill (a second Ctrl-C) SIGKILLs the groups of children that already exited", async () => {
    const io = capture();
    const supervisor = superviseChildren([leavesGrandchild("web")], { ...io.options, stopTimeoutMs: 60_000 });
    supervisors.push(supervisor);
    const grandchild = await grandchildPid(io, "web");
    const web = supervisor.pids().web!;

    const stopping = supervisor.stop();
    await until(() => !isAlive(web), `the web child ${web} to be gone`);
    expect(isAlive(grandchild)).toBe(true); // the group outlived its leader, ignoring SIGTERM
    supervisor.forceKill();

    await expect(stopping).resolves.toEqual([{ name: "web", code: 0, signal: null }]);
    await until(() => !isAlive(grandchild) || isZombie(grandchild), `grandchild ${grandchild} to be gone`);
  });

  it("reports a child that cannot be started", async () => {
    const supervisor = superviseChildren([{ name: "scheduler", command: "/nonexistent/node", args: [] }], capture().options);
    supervisors.push(supervisor);
    const died = await supervisor.unexpectedExit;
    expect(describeChildExit(died)).toMatch(/^scheduler could not be started: .*ENOENT/);
  });
});

function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) === "Z";
  } catch {
    return true;
  }
}
