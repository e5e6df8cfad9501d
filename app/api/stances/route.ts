import { db } from "@/lib/db";
import { apiWrite } from "@/lib/http/api-write";
import { createStance } from "@/lib/stances/write-stance";

/** Links a passage to a claim (researchers): the quote must be verbatim in the source's text. */
export const POST = apiWrite((user, body) => createStance(db, user, body), 201);
