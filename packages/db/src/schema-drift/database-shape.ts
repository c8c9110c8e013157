/**
 * The parts of a Postgres schema that Prisma Migrate manages, in one shape
 * that can be built from schema.prisma (what it should be) and from a live
 * database (what it is), so the two can be compared.
 */
export interface ColumnShape {
  /** As Postgres' format_type() prints it, without quotes: `uuid`, `timestamp(3) with time zone`, `Role[]`. */
  type: string;
  notNull: boolean;
  /** Normalised default (see normalizeDefault), or null for none. */
  default: string | null;
}

export interface IndexShape {
  name: string;
  unique: boolean;
  /** Key columns in order; `name DESC` for descending ones. */
  columns: string[];
  method: string;
  /** Partial index predicate, or null. */
  where: string | null;
}

export interface ForeignKeyShape {
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
}

export interface TableShape {
  columns: Map<string, ColumnShape>;
  primaryKey: { name: string; columns: string[] } | null;
  indexes: Map<string, IndexShape>;
  foreignKeys: Map<string, ForeignKeyShape>;
}

export interface DatabaseShape {
  enums: Map<string, string[]>;
  tables: Map<string, TableShape>;
}

export function emptyTable(): TableShape {
  return { columns: new Map(), primaryKey: null, indexes: new Map(), foreignKeys: new Map() };
}

/**
 * Defaults compared by meaning rather than by spelling:
 * `'UTC'::text` → `'UTC'`, `CURRENT_TIMESTAMP` → `now()`,
 * `nextval('t_id_seq'::regclass)` → `autoincrement()`, JSON re-serialised.
 */
export function normalizeDefault(expression: string | null, type: string): string | null {
  if (expression === null) return null;
  let value = expression.trim();
  if (/^nextval\(/i.test(value)) return "autoincrement()";
  if (/^(current_timestamp|now\(\))$/i.test(value)) return "now()";
  const castLiteral = /^'((?:[^']|'')*)'::[\w\s".[\]()]+$/.exec(value);
  if (castLiteral) value = `'${castLiteral[1]}'`;
  const unparenthesised = /^\((-?[\d.]+)\)$/.exec(value);
  if (unparenthesised) value = unparenthesised[1]!;
  if ((type === "jsonb" || type === "json") && value.startsWith("'")) {
    const text = value.slice(1, -1).replaceAll("''", "'");
    try {
      return `'${JSON.stringify(JSON.parse(text)).replaceAll("'", "''")}'`;
    } catch {
      return value;
    }
  }
  const quotedNumber = /^'(-?[\d.]+)'$/.exec(value);
  if (quotedNumber && /^(integer|bigint|smallint|double precision|real|numeric.*)$/.test(type)) return quotedNumber[1]!;
  return value;
}
