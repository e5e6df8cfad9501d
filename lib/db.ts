import "server-only";
import { createDb, type Db } from "./database/create-client";
import { env } from "./env";
import { registerDatabaseProbe } from "./database/fault-breaker";

// One client per server process; the dev server's hot reload would otherwise open a new one per edit.
const cache = globalThis as unknown as { corroborateDb?: Db };

export const db: Db = (cache.corroborateDb ??= createDb(env().DATABASE_URL));
// After a database fault, proxy.ts asks with this whether the database is back.
registerDatabaseProbe(() => db.$queryRaw`SELECT 1`);
