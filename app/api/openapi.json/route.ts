import { openApiDocument } from "@/lib/http/openapi";
import { siteOrigin } from "@/lib/http/origin";

/** The OpenAPI 3.1 document, generated from the zod schemas the endpoints validate with. */
export function GET(request: Request) {
  return Response.json(openApiDocument(siteOrigin(request)));
}
