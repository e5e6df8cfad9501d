import { db } from "@/lib/db";
import { apiWrite } from "@/lib/http/api-write";
import { postComment } from "@/lib/comments/write-comment";

/** Posts a comment on a claim, a stance or a source, or a reply (any signed-in account's token). */
export const POST = apiWrite((user, body) => postComment(db, user, body), 201);
