import { z } from "zod";
import { db } from "@/lib/db";
import { currentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { forYou } from "@/lib/users/for-you";
import { jsonRoute } from "@/lib/http/json-route";
import { parseParams } from "@/lib/schemas/parse-params";

// What a reader page kept for a role leaves out because it is the signed-in user's alone
// (decision 0021): the page's islands ask for it here, with the session, once per page.

const ViewerQuery = z.strictObject({
  path: z
    .string({ error: "is required: the path of the page you are on" })
    .max(2_000, "must be at most 2,000 characters")
    .regex(/^\//, "must be a path on this site, starting with /"),
});

export const GET = jsonRoute(async (request) => {
  const user = await currentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to see your part of this page.");
  return forYou(db, user, parseParams(ViewerQuery, new URL(request.url).searchParams).path);
});
