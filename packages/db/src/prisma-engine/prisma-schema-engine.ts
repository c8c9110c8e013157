import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";

// Prisma's schema engine (the program behind `prisma migrate`), compiled to
// WebAssembly, ships with @prisma/internals. The native engine binary cannot
// be downloaded on our machines, but this one runs anywhere, so tests can ask
// Prisma itself what `prisma migrate` would generate and do.

type SchemaEngine = wasmBindings.SchemaEngine;

let instantiated: Promise<void> | undefined;

function instantiateSchemaEngine(): Promise<void> {
  instantiated ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": wasmBindings as unknown as WebAssembly.ModuleImports,
    });
    const bindings = wasmBindings as unknown as { __wbg_set_wasm(exports: WebAssembly.Exports): void };
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  })();
  return instantiated;
}

/** Runs `work` with a schema engine connected (through @prisma/adapter-pg) to the database at `url`. */
async function withSchemaEngine<T>(url: string, schema: string, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  await instantiateSchemaEngine();
  const factory = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: url }));
  const opened: { dispose(): Promise<unknown> }[] = [];
  const track = async <R extends { ok: boolean }>(connect: () => Promise<R>): Promise<R> => {
    const result = await connect();
    if (result.ok) opened.push((result as unknown as { value: { dispose(): Promise<unknown> } }).value);
    return result;
  };
  const trackingFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => track(() => factory.connect()),
    connectToShadowDb: () => track(() => factory.connectToShadowDb()),
  };
  const engine = await wasmBindings.SchemaEngine.new({ datamodels: [["schema.prisma", schema]] }, () => undefined, trackingFactory);
  try {
    return await work(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((adapter) => adapter.dispose().catch(() => undefined)));
  }
}

const NO_FILTERS = { externalTables: [], externalEnums: [] };

/**
 * The SQL `prisma migrate diff --from-empty --to-schema <schemaPath> --script`
 * prints. The engine needs a connection to run, but changes nothing: `url`
 * may be any database on a Postgres server.
 */
export async function prismaSqlFromEmpty(schemaPath: string, url: string): Promise<string> {
  const schema = await readFile(schemaPath, "utf8");
  return withSchemaEngine(url, schema, async (engine) => {
    const result = await engine.diff({
      from: { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return result.stdout ?? "";
  });
}

/** What `prisma migrate deploy` does: applies the unapplied migrations of `migrationsDir` to `url`. */
export async function prismaMigrateDeploy(schemaPath: string, migrationsDir: string, url: string): Promise<string[]> {
  const schema = await readFile(schemaPath, "utf8");
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const migrationDirectories = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
      .map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: { tag: "ok" as const, value: await readFile(join(migrationsDir, name, "migration.sql"), "utf8") },
        },
      })),
  );
  const lockfilePath = join(migrationsDir, "migration_lock.toml");
  const lockfile = { path: "migration_lock.toml", content: await readFile(lockfilePath, "utf8").catch(() => null) };
  return withSchemaEngine(url, schema, async (engine) => {
    const result = await engine.applyMigrations({
      migrationsList: { baseDir: migrationsDir, lockfile, shadowDbInitScript: "", migrationDirectories },
      filters: NO_FILTERS,
    });
    return result.appliedMigrationNames;
  });
}
