import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { annotationCollection } from "@/lib/export/web-annotation";
import { errorResponse } from "@/lib/http/json-route";
import { siteOrigin } from "@/lib/http/origin";
import { annotationResponse } from "@/lib/http/json-ld";
import { getSourceHeading } from "@/lib/sources/get-source";
import { perRequest } from "@/lib/http/per-request";

/** One source's stances as W3C Web Annotations. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  await perRequest();
  try {
    const { id } = await params;
    if (!(await getSourceHeading(db, id))) throw notFound(`The source "${id}"`);
    return annotationResponse(await annotationCollection(db, siteOrigin(request), id), `corroborate-annotations-${id}.jsonld`);
  } catch (error) {
    return errorResponse(error);
  }
}
