const HINT = "(the local executor runs commands on the host; check the task's command)";

/** Why a task process could not be started, in words a DAG author can act on. */
export function describeSpawnError(command: string, error: NodeJS.ErrnoException): string {
  const quoted = JSON.stringify(command);
  switch (error.code) {
    case "ENOENT":
      return `command not found: ${quoted} ${HINT}`;
    case "EACCES":
      return `permission denied: ${quoted} is not executable ${HINT}`;
    case "ENOEXEC":
      return `not an executable program: ${quoted} ${HINT}`;
    default:
      return `could not start ${quoted}: ${error.message} ${HINT}`;
  }
}
