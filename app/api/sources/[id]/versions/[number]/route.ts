import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { jsonRoute } from "@/lib/http/json-route";
import { getSourceVersion, verifyVersion } from "@/lib/sources/versions-read";

/** One text of the source, with the passages quoted from it and whether each still verifies against it (decision 0025). */
export const GET = jsonRoute(async (_request, { params }: { params: Promise<{ id: string; number: string }> }) => {
  const { id, number } = await params;
  if (!/^[1-9]\d{0,8}$/.test(number)) throw notFound(`Version "${number}" of the source "${id}"`);
  const version = await getSourceVersion(db, id, Number(number));
  return {
    number: version.number,
    current: version.current,
    sha256: version.contentHash,
    origin: version.origin,
    fetchedAt: version.fetchedAt.toISOString(),
    text: version.text,
    passages: version.passages,
    verified: verifyVersion(version),
  };
});
