import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { getAnnotatedStance, stanceAnnotation } from "@/lib/export/web-annotation";
import { errorResponse } from "@/lib/http/json-route";
import { siteOrigin } from "@/lib/http/origin";
import { annotationResponse } from "@/lib/http/json-ld";
import { perRequest } from "@/lib/http/per-request";

/** One stance as a W3C Web Annotation: what each annotation's id resolves to. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  await perRequest();
  try {
    const { id } = await params;
    const stance = await getAnnotatedStance(db, id);
    if (!stance) throw notFound(`The annotation "${id}"`);
    return annotationResponse(stanceAnnotation(stance, siteOrigin(request)));
  } catch (error) {
    return errorResponse(error);
  }
}
