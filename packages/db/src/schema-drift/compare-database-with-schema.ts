import { diffDatabaseShapes } from "./diff-database-shapes";
import { readDatabaseShape } from "./read-database-shape";
import { shapeFromPrismaSchema } from "./shape-from-prisma-schema";

/**
 * Every difference between the database at `url` and the Prisma schema at
 * `schemaPath` (tables, columns with type/nullability/default, enums,
 * primary keys, indexes, foreign keys), one sentence each, e.g.
 * "column dag_runs.conf: schema says jsonb NOT NULL, database has jsonb NULL".
 * Empty when they agree.
 */
export async function compareDatabaseWithSchema(url: string, schemaPath: string, schema = "public"): Promise<string[]> {
  const [expected, actual] = await Promise.all([shapeFromPrismaSchema(schemaPath), readDatabaseShape(url, schema)]);
  return diffDatabaseShapes(expected, actual);
}
