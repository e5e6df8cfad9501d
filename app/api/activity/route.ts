import { db } from "@/lib/db";
import { ActivityQuerySchema, listActivity } from "@/lib/activity/list-activity";
import { apiUser } from "@/lib/http/api-write";
import { jsonRoute } from "@/lib/http/json-route";
import { parseParams } from "@/lib/schemas/parse-params";

/** The token owner's activity (what happened to what they watch, and their mentions), newest first, paged. */
export const GET = jsonRoute(async (request) => {
  const user = await apiUser(request);
  const { activity, nextCursor } = await listActivity(db, user.id, parseParams(ActivityQuerySchema, new URL(request.url).searchParams));
  return {
    activity: activity.map((a) => ({
      id: a.id,
      kind: a.kind,
      summary: a.summary,
      at: a.at.toISOString(),
      by: a.by,
      claim: a.claim ? { slug: a.claim.slug, text: a.claim.text } : null,
      source: a.source ? { id: a.source.id, title: a.source.title } : null,
      href: a.href,
    })),
    nextCursor,
  };
});
