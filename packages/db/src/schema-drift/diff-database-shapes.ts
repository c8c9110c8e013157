import type { ColumnShape, DatabaseShape, ForeignKeyShape, IndexShape } from "./database-shape";

export interface ShapeLabels {
  /** How the expected side speaks, e.g. "schema says". */
  expected: string;
  /** How the actual side speaks, e.g. "database has". */
  actual: string;
  /** Where a missing object is missing from, e.g. "the database". */
  actualName: string;
  /** Where an extra object is missing from, e.g. "the schema". */
  expectedName: string;
}

export const SCHEMA_VS_DATABASE: ShapeLabels = {
  expected: "schema says",
  actual: "database has",
  actualName: "the database",
  expectedName: "the schema",
};

/** Every difference between two shapes, one readable sentence each (empty: identical). */
export function diffDatabaseShapes(expected: DatabaseShape, actual: DatabaseShape, labels = SCHEMA_VS_DATABASE): string[] {
  const differences: string[] = [];
  const say = (subject: string, expectedText: string, actualText: string) =>
    differences.push(`${subject}: ${labels.expected} ${expectedText}, ${labels.actual} ${actualText}`);

  for (const [name, values] of expected.enums) {
    const actualValues = actual.enums.get(name);
    if (!actualValues) differences.push(`enum ${name}: missing from ${labels.actualName}`);
    else if (values.join(",") !== actualValues.join(","))
      say(`enum ${name}`, `values (${values.join(", ")})`, `(${actualValues.join(", ")})`);
  }
  for (const name of actual.enums.keys()) {
    if (!expected.enums.has(name)) differences.push(`enum ${name}: in ${labels.actualName} but not in ${labels.expectedName}`);
  }

  for (const [tableName, table] of expected.tables) {
    const actualTable = actual.tables.get(tableName);
    if (!actualTable) {
      differences.push(`table ${tableName}: missing from ${labels.actualName}`);
      continue;
    }

    for (const [columnName, column] of table.columns) {
      const actualColumn = actualTable.columns.get(columnName);
      const subject = `column ${tableName}.${columnName}`;
      if (!actualColumn) {
        differences.push(`${subject}: missing from ${labels.actualName} (${labels.expected} ${describeColumn(column)})`);
        continue;
      }
      if (describeColumn(column) !== describeColumn(actualColumn)) say(subject, describeColumn(column), describeColumn(actualColumn));
      if (column.default !== actualColumn.default) say(subject, describeDefault(column), describeDefault(actualColumn));
    }
    for (const [columnName, column] of actualTable.columns) {
      if (!table.columns.has(columnName))
        differences.push(`column ${tableName}.${columnName}: in ${labels.actualName} but not in ${labels.expectedName} (${describeColumn(column)})`);
    }

    const expectedPk = table.primaryKey ? `${table.primaryKey.name} (${table.primaryKey.columns.join(", ")})` : "none";
    const actualPk = actualTable.primaryKey ? `${actualTable.primaryKey.name} (${actualTable.primaryKey.columns.join(", ")})` : "none";
    if (expectedPk !== actualPk) say(`primary key of ${tableName}`, expectedPk, actualPk);

    diffNamed(`index ${tableName}`, table.indexes, actualTable.indexes, describeIndex, labels, differences);
    diffNamed(`foreign key ${tableName}`, table.foreignKeys, actualTable.foreignKeys, describeForeignKey, labels, differences);
  }
  for (const tableName of actual.tables.keys()) {
    if (!expected.tables.has(tableName)) differences.push(`table ${tableName}: in ${labels.actualName} but not in ${labels.expectedName}`);
  }
  return differences;
}

function diffNamed<T>(
  prefix: string,
  expected: Map<string, T>,
  actual: Map<string, T>,
  describe: (item: T) => string,
  labels: ShapeLabels,
  differences: string[],
): void {
  for (const [name, item] of expected) {
    const actualItem = actual.get(name);
    if (!actualItem) differences.push(`${prefix}.${name}: missing from ${labels.actualName} (${labels.expected} ${describe(item)})`);
    else if (describe(item) !== describe(actualItem))
      differences.push(`${prefix}.${name}: ${labels.expected} ${describe(item)}, ${labels.actual} ${describe(actualItem)}`);
  }
  for (const [name, item] of actual) {
    if (!expected.has(name)) differences.push(`${prefix}.${name}: in ${labels.actualName} but not in ${labels.expectedName} (${describe(item)})`);
  }
}

function describeColumn(column: ColumnShape): string {
  return `${column.type} ${column.notNull ? "NOT NULL" : "NULL"}`;
}

function describeDefault(column: ColumnShape): string {
  return column.default === null ? "no default" : `DEFAULT ${column.default}`;
}

function describeIndex(index: IndexShape): string {
  return (
    `${index.unique ? "UNIQUE INDEX" : "INDEX"} (${index.columns.join(", ")})` +
    (index.method === "btree" ? "" : ` USING ${index.method}`) +
    (index.where ? ` WHERE ${index.where}` : "")
  );
}

function describeForeignKey(fk: ForeignKeyShape): string {
  return `(${fk.columns.join(", ")}) REFERENCES ${fk.referencedTable}(${fk.referencedColumns.join(", ")}) ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}`;
}
