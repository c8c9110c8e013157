import type { Secret } from "@updraft/db";
import { secretEnvName } from "./names";

/** A secret as anyone may see it: never its value. */
export interface SecretView {
  name: string;
  description: string | null;
  /** The environment variable tasks that list the secret get it in. */
  envName: string;
  createdAt: Date;
  updatedAt: Date;
}

export function toSecretView(row: Pick<Secret, "name" | "description" | "createdAt" | "updatedAt">): SecretView {
  return { name: row.name, description: row.description, envName: secretEnvName(row.name), createdAt: row.createdAt, updatedAt: row.updatedAt };
}
