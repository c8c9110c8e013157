import type { CheckedDeployFile } from "./check-deploy-file";
import type { DeployFileError } from "./deploy-types";
import { locateDagId } from "./locate-dag-id";
import { toDeployFileError } from "./check-deploy-file";

/**
 * Problems that only show across the files of one deploy: a file name sent
 * twice, or two files defining the same dag_id (which one should win?).
 * Returns the errors by the file's index; the first of each pair is kept.
 */
export function findConflictingFiles(files: CheckedDeployFile[]): Map<number, DeployFileError[]> {
  const conflicts = new Map<number, DeployFileError[]>();
  const add = (index: number, error: DeployFileError) => conflicts.set(index, [...(conflicts.get(index) ?? []), error]);
  const nameSeen = new Map<string, number>();
  const dagSeen = new Map<string, string>();

  files.forEach((file, index) => {
    if (nameSeen.has(file.name)) {
      add(
        index,
        toDeployFileError({
          file: file.name,
          line: 1,
          column: 1,
          path: "(file)",
          message: "this file name appears more than once in the deploy: send each file once",
        }),
      );
    } else {
      nameSeen.set(file.name, index);
    }
    if (!file.ok) return;
    const first = dagSeen.get(file.spec.dag_id);
    if (first === undefined) {
      dagSeen.set(file.spec.dag_id, file.name);
      return;
    }
    add(
      index,
      toDeployFileError({
        file: file.name,
        ...locateDagId(file.content),
        path: "dag_id",
        message: `dag_id "${file.spec.dag_id}" is also defined in ${first}: each DAG must come from exactly one file`,
      }),
    );
  });
  return conflicts;
}
