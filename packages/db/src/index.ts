export { createDb, getDb, type Db, type Tx, type DbOrTx } from "./client";
export * from "./generated/prisma/client";
