import { readFile } from "node:fs/promises";
import internals from "@prisma/internals";
import { emptyTable, normalizeDefault, type DatabaseShape, type TableShape } from "./database-shape";

// The parts of Prisma's DMMF (getDMMF().datamodel) this module reads.
interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  isList: boolean;
  isRequired: boolean;
  type: string;
  nativeType?: [string, string[]] | null;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName: string | null }[];
}
interface DmmfIndex {
  model: string;
  type: "id" | "normal" | "unique" | "fulltext";
  dbName?: string | null;
  algorithm?: string | null;
  fields: { name: string; sortOrder?: "asc" | "desc" | null }[];
}
interface DmmfDatamodel {
  models: DmmfModel[];
  enums: DmmfEnum[];
  indexes: DmmfIndex[];
}

/** Postgres' identifier limit; Prisma truncates generated constraint names to it. */
const MAX_IDENTIFIER_LENGTH = 63;

/** Prisma's default name for an index/constraint: `<table>_<columns>_<suffix>`, truncated like Prisma does. */
export function prismaConstraintName(table: string, columns: string[], suffix: string): string {
  const base = columns.length > 0 ? `${table}_${columns.join("_")}` : table;
  const name = `${base}_${suffix}`;
  return name.length <= MAX_IDENTIFIER_LENGTH ? name : `${base.slice(0, MAX_IDENTIFIER_LENGTH - suffix.length - 1)}_${suffix}`;
}

/** The database shape `prisma migrate` would create for the schema file at `schemaPath`. */
export async function shapeFromPrismaSchema(schemaPath: string): Promise<DatabaseShape> {
  const datamodel = await readFile(schemaPath, "utf8");
  const dmmf = await internals.getDMMF({ datamodel });
  return shapeFromDatamodel(dmmf.datamodel as unknown as DmmfDatamodel);
}

export function shapeFromDatamodel(datamodel: DmmfDatamodel): DatabaseShape {
  const shape: DatabaseShape = { enums: new Map(), tables: new Map() };
  for (const dmmfEnum of datamodel.enums) {
    shape.enums.set(
      dmmfEnum.dbName ?? dmmfEnum.name,
      dmmfEnum.values.map((value) => value.dbName ?? value.name),
    );
  }
  const enumDbName = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const modelsByName = new Map(datamodel.models.map((model) => [model.name, model]));
  const tableName = (model: DmmfModel) => model.dbName ?? model.name;
  const columnName = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((candidate) => candidate.name === fieldName);
    return field?.dbName ?? fieldName;
  };

  for (const model of datamodel.models) {
    const table: TableShape = emptyTable();
    const name = tableName(model);
    for (const field of model.fields) {
      if (field.kind !== "scalar" && field.kind !== "enum") continue;
      const type = columnType(field, enumDbName);
      table.columns.set(field.dbName ?? field.name, {
        type,
        notNull: field.isList ? false : field.isRequired, // Prisma creates scalar lists as nullable arrays
        default: normalizeDefault(defaultExpression(field), type),
      });
    }

    for (const field of model.fields) {
      if (field.kind !== "object" || !field.relationFromFields?.length) continue;
      const target = modelsByName.get(field.type);
      if (!target) continue;
      const columns = field.relationFromFields.map((fieldName) => columnName(model, fieldName));
      const fkName = prismaConstraintName(name, columns, "fkey");
      table.foreignKeys.set(fkName, {
        name: fkName,
        columns,
        referencedTable: tableName(target),
        referencedColumns: (field.relationToFields ?? []).map((fieldName) => columnName(target, fieldName)),
        onDelete: referentialAction(field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull")),
        onUpdate: referentialAction(field.relationOnUpdate ?? "Cascade"),
      });
    }
    shape.tables.set(name, table);
  }

  for (const index of datamodel.indexes) {
    const model = modelsByName.get(index.model);
    const table = model && shape.tables.get(tableName(model));
    if (!model || !table) continue;
    const columns = index.fields.map((field) => columnName(model, field.name));
    if (index.type === "id") {
      table.primaryKey = { name: index.dbName ?? prismaConstraintName(tableName(model), [], "pkey"), columns };
      continue;
    }
    if (index.type === "fulltext") continue; // MySQL only
    const unique = index.type === "unique";
    const indexName = index.dbName ?? prismaConstraintName(tableName(model), columns, unique ? "key" : "idx");
    table.indexes.set(indexName, {
      name: indexName,
      unique,
      columns: index.fields.map((field, i) => `${columns[i]}${field.sortOrder === "desc" ? " DESC" : ""}`),
      method: (index.algorithm ?? "BTree").toLowerCase(),
      where: null,
    });
  }
  return shape;
}

function columnType(field: DmmfField, enumDbName: Map<string, string>): string {
  const base = field.kind === "enum" ? (enumDbName.get(field.type) ?? field.type) : scalarType(field);
  return field.isList ? `${base}[]` : base;
}

/** The Postgres type Prisma creates for a scalar field, spelled like format_type(). */
function scalarType(field: DmmfField): string {
  const [native, args = []] = field.nativeType ?? [];
  const withArgs = (name: string) => (args.length > 0 ? `${name}(${args.join(",")})` : name);
  switch (native) {
    case undefined:
      break;
    case "Uuid":
      return "uuid";
    case "Text":
      return "text";
    case "VarChar":
      return withArgs("character varying");
    case "Char":
      return args.length > 0 ? `character(${args.join(",")})` : "character(1)";
    case "Citext":
      return "citext";
    case "Inet":
      return "inet";
    case "Xml":
      return "xml";
    case "Bit":
      return withArgs("bit");
    case "VarBit":
      return withArgs("bit varying");
    case "SmallInt":
      return "smallint";
    case "Integer":
      return "integer";
    case "Oid":
      return "oid";
    case "BigInt":
      return "bigint";
    case "Real":
      return "real";
    case "DoublePrecision":
      return "double precision";
    case "Decimal":
      return withArgs("numeric");
    case "Money":
      return "money";
    case "Timestamp":
      return `${withArgs("timestamp")} without time zone`;
    case "Timestamptz":
      return `${withArgs("timestamp")} with time zone`;
    case "Date":
      return "date";
    case "Time":
      return `${withArgs("time")} without time zone`;
    case "Timetz":
      return `${withArgs("time")} with time zone`;
    case "Json":
      return "json";
    case "JsonB":
      return "jsonb";
    case "ByteA":
      return "bytea";
    case "Boolean":
      return "boolean";
    default:
      return native.toLowerCase();
  }
  switch (field.type) {
    case "String":
      return "text";
    case "Boolean":
      return "boolean";
    case "Int":
      return "integer";
    case "BigInt":
      return "bigint";
    case "Float":
      return "double precision";
    case "Decimal":
      return "numeric(65,30)";
    case "DateTime":
      return "timestamp(3) without time zone";
    case "Json":
      return "jsonb";
    case "Bytes":
      return "bytea";
    default:
      return field.type.toLowerCase();
  }
}

/** The column default Prisma Migrate would write, as SQL (null: none in the database). */
function defaultExpression(field: DmmfField): string | null {
  const value = field.default;
  if (value === undefined || value === null) return null;
  if (typeof value === "object" && !Array.isArray(value) && "name" in value) {
    const fn = value as { name: string; args?: unknown[] };
    switch (fn.name) {
      case "now":
        return "now()";
      case "autoincrement":
        return "nextval()";
      case "dbgenerated":
        return typeof fn.args?.[0] === "string" ? fn.args[0] : null;
      default:
        return null; // uuid(), cuid(), nanoid(), ulid(): generated by Prisma Client, not the database
    }
  }
  if (Array.isArray(value)) return `'{${value.map(String).join(",")}}'`;
  if (typeof value === "string") return `'${value.replaceAll("'", "''")}'`;
  return String(value);
}

function referentialAction(action: string): string {
  switch (action) {
    case "Cascade":
      return "CASCADE";
    case "Restrict":
      return "RESTRICT";
    case "NoAction":
      return "NO ACTION";
    case "SetNull":
      return "SET NULL";
    case "SetDefault":
      return "SET DEFAULT";
    default:
      return action.toUpperCase();
  }
}
