import { db } from "@/lib/db";
import { annotationCollection } from "@/lib/export/web-annotation";
import { errorResponse } from "@/lib/http/json-route";
import { siteOrigin } from "@/lib/http/origin";
import { annotationResponse } from "@/lib/http/json-ld";
import { perRequest } from "@/lib/http/per-request";

/** Every stance as a W3C Web Annotation, in one AnnotationCollection. */
export async function GET(request: Request) {
  await perRequest();
  try {
    return annotationResponse(await annotationCollection(db, siteOrigin(request)), "corroborate-annotations.jsonld");
  } catch (error) {
    return errorResponse(error);
  }
}
