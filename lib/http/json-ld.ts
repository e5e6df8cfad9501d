/** A Web Annotation document, with the media type the W3C protocol gives it; a download when named. */
export function annotationResponse(body: unknown, filename?: string): Response {
  const headers: Record<string, string> = { "content-type": 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8' };
  if (filename) headers["content-disposition"] = `attachment; filename="${filename}"`;
  return new Response(JSON.stringify(body, null, 2), { headers });
}

/** JSON-LD to embed in a page's <script>: "<" escaped, so no text inside can close the script. */
export const embeddedJsonLd = (value: unknown) => JSON.stringify(value).replaceAll("<", "\\u003c");
