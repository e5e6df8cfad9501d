import { db } from "@/lib/db";
import { apiWrite } from "@/lib/http/api-write";
import { createSource } from "@/lib/sources/write-source";

/** Adds a source (researchers): the same schema and checks as the new-source form. */
export const POST = apiWrite((user, body) => createSource(db, user, body), 201);
