import { fileURLToPath } from "node:url";

/** packages/dag/README.md, the DAG file format reference. */
export const README_PATH = fileURLToPath(new URL("../README.md", import.meta.url));
