import { db } from "@/lib/db";
import { getClaimHeading } from "@/lib/claims/get-claim";
import { claimDiscussion, type CommentView } from "@/lib/comments/list-comments";
import { notFound } from "@/lib/errors";
import { jsonRoute } from "@/lib/http/json-route";

/** The claim's discussion (on the claim and its stances), threads oldest first with their replies. */
export const GET = jsonRoute(async (_request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const claim = await getClaimHeading(db, slug);
  if (!claim) throw notFound(`The claim "${slug}"`);
  return { comments: (await claimDiscussion(db, claim.id)).map(commentJson) };
});

function commentJson(comment: CommentView): Record<string, unknown> {
  return {
    id: comment.id,
    on: comment.on,
    author: comment.author,
    createdAt: comment.createdAt.toISOString(),
    edited: comment.edited,
    version: comment.version,
    state: comment.state,
    body: comment.body,
    html: comment.html,
    hiddenReason: comment.hiddenReason,
    replies: comment.replies.map(commentJson),
  };
}
