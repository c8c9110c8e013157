import pg from "pg";
import { emptyTable, normalizeDefault, type DatabaseShape, type TableShape } from "./database-shape";

const MIGRATIONS_TABLE = "_prisma_migrations";

const REFERENTIAL_ACTIONS: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

/** Reads enums, tables, columns, keys and indexes of `schema` from the database at `url`. */
export async function readDatabaseShape(url: string, schema = "public"): Promise<DatabaseShape> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const shape: DatabaseShape = { enums: new Map(), tables: new Map() };

    const enums = await client.query<{ name: string; labels: string[] }>(
      `SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
         FROM pg_type t
         JOIN pg_enum e ON e.enumtypid = t.oid
         JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = $1
        GROUP BY t.typname`,
      [schema],
    );
    for (const row of enums.rows) shape.enums.set(row.name, row.labels);

    const tables = await client.query<{ name: string }>(
      `SELECT c.relname::text AS name
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname <> $2`,
      [schema, MIGRATIONS_TABLE],
    );
    for (const row of tables.rows) shape.tables.set(row.name, emptyTable());
    const table = (name: string): TableShape | undefined => shape.tables.get(name);

    const columns = await client.query<{ table: string; column: string; type: string; not_null: boolean; default: string | null }>(
      `SELECT c.relname::text AS table, a.attname::text AS column,
              format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
              pg_get_expr(d.adbin, d.adrelid) AS default
         FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY c.relname, a.attnum`,
      [schema],
    );
    for (const row of columns.rows) {
      const type = row.type.replaceAll('"', "").replace(new RegExp(`^${schema}\\.`), "");
      table(row.table)?.columns.set(row.column, {
        type,
        notNull: row.not_null,
        default: normalizeDefault(row.default, type),
      });
    }

    const indexes = await client.query<{ table: string; name: string; unique: boolean; primary: boolean; columns: string[]; method: string; where: string | null }>(
      `SELECT t.relname::text AS table, i.relname::text AS name, ix.indisunique AS unique, ix.indisprimary AS primary,
              ARRAY(
                SELECT COALESCE(a.attname::text, pg_get_indexdef(ix.indexrelid, k.ord::int, true))
                       || CASE WHEN ((ix.indoption::int2[])[k.ord - 1] & 1) = 1 THEN ' DESC' ELSE '' END
                  FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                  LEFT JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum AND k.attnum > 0
                 WHERE k.ord <= ix.indnkeyatts
                 ORDER BY k.ord
              ) AS columns,
              am.amname::text AS method,
              pg_get_expr(ix.indpred, ix.indrelid) AS where
         FROM pg_index ix
         JOIN pg_class i ON i.oid = ix.indexrelid
         JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         JOIN pg_am am ON am.oid = i.relam
        WHERE n.nspname = $1 AND NOT ix.indisprimary`,
      [schema],
    );
    for (const row of indexes.rows) {
      table(row.table)?.indexes.set(row.name, {
        name: row.name,
        unique: row.unique,
        columns: row.columns,
        method: row.method,
        where: row.where,
      });
    }

    const constraints = await client.query<{
      table: string;
      name: string;
      type: string;
      columns: string[];
      referenced_table: string | null;
      referenced_columns: string[];
      on_delete: string;
      on_update: string;
    }>(
      `SELECT t.relname::text AS table, con.conname::text AS name, con.contype::text AS type,
              ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
              rt.relname::text AS referenced_table,
              ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS referenced_columns,
              con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update
         FROM pg_constraint con
         JOIN pg_class t ON t.oid = con.conrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         LEFT JOIN pg_class rt ON rt.oid = con.confrelid
        WHERE n.nspname = $1 AND con.contype IN ('p', 'f')`,
      [schema],
    );
    for (const row of constraints.rows) {
      const target = table(row.table);
      if (!target) continue;
      if (row.type === "p") {
        target.primaryKey = { name: row.name, columns: row.columns };
      } else {
        target.foreignKeys.set(row.name, {
          name: row.name,
          columns: row.columns,
          referencedTable: row.referenced_table ?? "?",
          referencedColumns: row.referenced_columns,
          onDelete: REFERENTIAL_ACTIONS[row.on_delete] ?? row.on_delete,
          onUpdate: REFERENTIAL_ACTIONS[row.on_update] ?? row.on_update,
        });
      }
    }
    return shape;
  } finally {
    await client.end();
  }
}
