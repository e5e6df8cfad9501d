import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { anchorQuote, type Anchor } from "../sources/anchor-quote";
import { AppError } from "../errors";
import { CorpusSchema, type Corpus } from "../schemas/corpus";
import { contentHash } from "../sources/source-text";

export type PlannedStance = Corpus["claims"][number]["stances"][number] & Anchor & { claim: string };
export type PlannedSource = Corpus["sources"][number] & { text: string; contentHash: string };
export type PlannedCorpus = Omit<Corpus, "sources"> & { sources: PlannedSource[]; stances: PlannedStance[] };

/**
 * Reads and checks a corpus file and the article texts it names, and anchors every
 * quote. Writes nothing. Every problem found is reported at once, each naming the
 * record, so a curator can fix a file in one pass.
 */
export async function readCorpus(corpusPath: string): Promise<PlannedCorpus> {
  const corpus = parseCorpus(corpusPath, await readText(corpusPath, "corpus file"));
  const problems: string[] = [];

  const sources: PlannedSource[] = [];
  for (const source of corpus.sources) {
    const path = resolve(dirname(corpusPath), source.file);
    const text = await readText(path, `text of source "${source.id}"`);
    if (text.trim().length === 0) problems.push(`sources "${source.id}": the file ${source.file} is empty`);
    sources.push({ ...source, text, contentHash: contentHash(text) });
  }

  for (const [what, slugs] of [
    ["topic", corpus.topics.map((t) => t.slug)],
    ["outlet", corpus.outlets.map((o) => o.slug)],
    ["actor", corpus.actors.map((a) => a.slug)],
    ["source", corpus.sources.map((s) => s.id)],
    ["claim", corpus.claims.map((c) => c.slug)],
  ] as const) {
    for (const slug of duplicates(slugs)) problems.push(`${what} "${slug}" is listed more than once`);
  }

  const has = (list: { slug: string }[], slug: string) => list.some((item) => item.slug === slug);
  const textOf = new Map(sources.map((s) => [s.id, s.text]));
  for (const source of corpus.sources) {
    if (!has(corpus.outlets, source.outlet)) problems.push(`sources "${source.id}": unknown outlet "${source.outlet}"`);
  }

  const stances: PlannedStance[] = [];
  for (const claim of corpus.claims) {
    if (!has(corpus.topics, claim.topic)) problems.push(`claims "${claim.slug}": unknown topic "${claim.topic}"`);
    claim.stances.forEach((stance, i) => {
      const where = `claims "${claim.slug}" stances[${i}]`;
      if (stance.speaker && !has(corpus.actors, stance.speaker)) problems.push(`${where}: unknown speaker "${stance.speaker}"`);
      const text = textOf.get(stance.source);
      if (text === undefined) return problems.push(`${where}: unknown source "${stance.source}"`);
      try {
        stances.push({ ...stance, ...anchorQuote(text, stance.quote, stance.occurrence), claim: claim.slug });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        problems.push(`${where} (source "${stance.source}"): ${error.message}`);
      }
    });
  }
  const stanceKeys = stances.map((s) => `${s.claim} ${s.source} ${s.start}-${s.end}`);
  for (const key of duplicates(stanceKeys)) problems.push(`the same quote is linked twice to one claim: ${key}`);

  for (const relation of corpus.relations) {
    for (const end of [relation.from, relation.to]) {
      if (!corpus.claims.some((c) => c.slug === end)) problems.push(`relations: unknown claim "${end}"`);
    }
    if (relation.from === relation.to) problems.push(`relations: claim "${relation.from}" is related to itself`);
  }

  if (problems.length > 0) {
    throw new AppError("INVALID", `${corpusPath} has ${problems.length} problem(s):\n- ${problems.join("\n- ")}`);
  }
  return { ...corpus, sources, stances };
}

function parseCorpus(path: string, raw: string): Corpus {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new AppError("INVALID", `${path} is not valid JSON: ${(error as Error).message}`);
  }
  const result = CorpusSchema.safeParse(json);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join(".") || "(top level)"}: ${issue.message}`);
    throw new AppError("INVALID", `${path} does not match the corpus format:\n- ${lines.join("\n- ")}`);
  }
  return result.data;
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new AppError("INVALID", `Cannot read the ${what} at ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(values.filter((v) => seen.size === seen.add(v).size))];
}
