import { db } from "@/lib/db";
import { createActor } from "@/lib/actors/write-actor";
import { apiWrite } from "@/lib/http/api-write";

/** Adds a speaker (researchers); one of exactly that name is returned instead of a double. */
export const POST = apiWrite((user, body) => createActor(db, user, body), 201);
