// W3C Web Annotation (https://www.w3.org/TR/annotation-model/) for stances: each stance is an
// annotation on its source's stored text, motivated by "assessing", whose body says what the
// passage does to the claim. Selectors: the exact words with context (TextQuoteSelector) and
// their place (TextPositionSelector, counted in Unicode code points as the model requires;
// Corroborate's own offsets are UTF-16 code units).
import type { Db } from "../database/create-client";
import type { Prisma } from "../../generated/sqlite/client";
import { POSITION_LABEL } from "../labels";
import type { Position } from "../analysis/conflict";

export const ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

export type AnnotatedStance = {
  id: string;
  position: Position;
  quote: string;
  start: number;
  end: number;
  prefix: string;
  suffix: string;
  createdAt: Date;
  claim: { slug: string; text: string };
  source: { id: string; text: string };
  speaker: { name: string } | null;
};

/** Code points before a UTF-16 offset: the W3C position of that offset. */
export function codePointOffset(text: string, utf16Offset: number): number {
  let count = 0;
  for (let i = 0; i < utf16Offset; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < utf16Offset) i++;
    count++;
  }
  return count;
}

export function stanceAnnotation(stance: AnnotatedStance, base: string) {
  const claimUrl = `${base}/claims/${stance.claim.slug}`;
  const voice = stance.speaker ? `, quoting ${stance.speaker.name}` : "";
  return {
    "@context": ANNOTATION_CONTEXT,
    id: `${base}/api/annotations/${encodeURIComponent(stance.id)}`,
    type: "Annotation",
    motivation: "assessing",
    created: stance.createdAt.toISOString(),
    body: [
      { type: "TextualBody", purpose: "assessing", format: "text/plain", value: `${POSITION_LABEL[stance.position]}${voice}: ${stance.claim.text}` },
      { type: "SpecificResource", purpose: "linking", source: claimUrl },
    ],
    target: {
      source: `${base}/sources/${encodeURIComponent(stance.source.id)}`,
      selector: [
        { type: "TextQuoteSelector", exact: stance.quote, prefix: stance.prefix, suffix: stance.suffix },
        { type: "TextPositionSelector", start: codePointOffset(stance.source.text, stance.start), end: codePointOffset(stance.source.text, stance.end) },
      ],
    },
  };
}

const annotatedSelect = {
  id: true,
  position: true,
  quote: true,
  start: true,
  end: true,
  prefix: true,
  suffix: true,
  createdAt: true,
  claim: { select: { slug: true, text: true } },
  speaker: { select: { name: true } },
} as const;

/** A stance with what its annotation needs, its source's text included (for one stance). */
export const annotatedStanceSelect = { ...annotatedSelect, source: { select: { id: true, text: true } } } as const;

/**
 * The live stances (on live claims) as one AnnotationCollection with its items on one page,
 * for one source or for all. Sources' texts are read once each, not once per stance.
 */
export async function annotationCollection(db: Db, base: string, sourceId?: string) {
  // An orphan is not in its source's current text, which the annotations target (decision 0025).
  const where: Prisma.StanceWhereInput = { retractedAt: null, orphanedAt: null, claim: { retractedAt: null }, ...(sourceId ? { sourceId } : {}) };
  const stances = await db.stance.findMany({
    where,
    orderBy: [{ sourceId: "asc" }, { start: "asc" }, { id: "asc" }],
    select: { ...annotatedSelect, sourceId: true },
  });
  const texts = new Map(
    (await db.source.findMany({ where: { id: { in: [...new Set(stances.map((s) => s.sourceId))] } }, select: { id: true, text: true } })).map((s) => [
      s.id,
      s.text,
    ]),
  );
  const items = stances.map(({ sourceId: id, ...s }) => stanceAnnotation({ ...s, source: { id, text: texts.get(id)! } }, base));
  const label = sourceId ? `Corroborate's stances on the source ${sourceId}` : "Every stance in Corroborate";
  return {
    "@context": ANNOTATION_CONTEXT,
    id: sourceId ? `${base}/api/sources/${encodeURIComponent(sourceId)}/annotations` : `${base}/api/export/annotations`,
    type: "AnnotationCollection",
    label,
    total: items.length,
    first: { type: "AnnotationPage", startIndex: 0, items },
  };
}

/** One live stance (on a live claim) as an annotation reads it, or null. */
export function getAnnotatedStance(db: Db, id: string) {
  return db.stance.findFirst({ where: { id, retractedAt: null, orphanedAt: null, claim: { retractedAt: null } }, select: annotatedStanceSelect });
}
