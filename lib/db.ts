import "server-only";
import { createDb, type Db } from "./database/create-client";
import { env } from "./env";

// One client per server process; the dev server's hot reload would otherwise open a new one per edit.
const cache = globalThis as unknown as { corroborateDb?: Db };

export const db: Db = (cache.corroborateDb ??= createDb(env().DATABASE_URL));
