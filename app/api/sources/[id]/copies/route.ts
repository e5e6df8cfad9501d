import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { copiesOf } from "@/lib/families/copies";
import { jsonRoute } from "@/lib/http/json-route";
import { getSourceHeading } from "@/lib/sources/get-source";

/** The sources linked to this one as copies of one article (not split), `overlap` the share of this source's text in each (decision 0023). */
export const GET = jsonRoute(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  if (!(await getSourceHeading(db, id))) throw notFound(`The source "${id}"`);
  return { copies: (await copiesOf(db, id)).map(({ id, title, outlet, overlap }) => ({ id, title, outlet, overlap })) };
});
