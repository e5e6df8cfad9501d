// The floor: the least a server can do to answer the benchmark's requests. Plain
// node:http and one better-sqlite3 connection running the same queries as raw SQL,
// answering JSON. The gap between this and the app is what Next, React and Prisma cost.
import { createServer } from "node:http";
import Database from "better-sqlite3";

const [file = "data/bench.db", port = "3201"] = process.argv.slice(2);
const db = new Database(file, { readonly: true });

const listPage = db.prepare(
  `SELECT c.id, c.slug, c.text, c.status, c.supportsCount, c.disputesCount, c.qualifiesCount, t.slug AS topic
   FROM Claim c JOIN Topic t ON t.id = c.topicId WHERE c.retractedAt IS NULL AND c.rankKey > ? ORDER BY c.rankKey LIMIT 21`,
);
const countAll = db.prepare(`SELECT count(*) AS n FROM Claim WHERE retractedAt IS NULL`);
const corpusCounts = db.prepare(`SELECT claims, contested, sources, stances, actors FROM CorpusCounts WHERE id = 1`);
const mostContested = db.prepare(
  `SELECT id, slug, text, status, supportsCount, disputesCount, qualifiesCount FROM Claim
   WHERE status = 'CONTESTED' AND retractedAt IS NULL ORDER BY rankKey LIMIT 11`,
);
const countContested = db.prepare(`SELECT count(*) AS n FROM Claim WHERE status = 'CONTESTED' AND retractedAt IS NULL`);
const claimBySlug = db.prepare(`SELECT id, slug, text, status FROM Claim WHERE slug = ?`);
const stancesOf = db.prepare(
  `SELECT s.id, s.position, s.mode, s.quote, s.start, s."end", a.name AS speaker,
          src.id AS sourceId, src.title, src.publishedAt, o.name AS outlet
   FROM Stance s JOIN Source src ON src.id = s.sourceId JOIN Outlet o ON o.id = src.outletId
   LEFT JOIN Actor a ON a.id = s.speakerId WHERE s.claimId = ? AND s.retractedAt IS NULL`,
);

const sourcesPage = db.prepare(
  `SELECT p.id, p.title, p.publishedAt, o.name AS outlet, (SELECT count(*) FROM Stance st WHERE st.sourceId = p.id AND st.retractedAt IS NULL) AS stances
   FROM (SELECT id, title, publishedAt, outletId FROM Source ORDER BY publishedAt DESC, id LIMIT 50) p JOIN Outlet o ON o.id = p.outletId`,
);
const countSources = db.prepare(`SELECT sources AS n FROM CorpusCounts WHERE id = 1`);
const sourceById = db.prepare(
  `SELECT s.id, s.title, s.text, s.publishedAt, s.url, s.contentHash, o.name AS outlet, o.reliability FROM Source s JOIN Outlet o ON o.id = s.outletId WHERE s.id = ?`,
);
const excerptsOf = db.prepare(
  `SELECT st.id, st.position, st.mode, st.start, st."end", c.slug, c.text AS claim, a.name AS speaker
   FROM Stance st JOIN Claim c ON c.id = st.claimId LEFT JOIN Actor a ON a.id = st.speakerId WHERE st.sourceId = ? ORDER BY st.start`,
);
const actorBySlug = db.prepare(`SELECT id, slug, name, kind, description FROM Actor WHERE slug = ?`);
const quotesOf = db.prepare(
  `SELECT st.id, st.position, st.quote, c.slug, c.text AS claim, src.id AS sourceId, src.title
   FROM Stance st JOIN Claim c ON c.id = st.claimId JOIN Source src ON src.id = st.sourceId
   WHERE st.speakerId = ? AND st.retractedAt IS NULL ORDER BY c.id LIMIT 200`,
);
const outlets = db.prepare(
  `SELECT o.id, o.name, o.kind, o.reliability, (SELECT count(*) FROM Source s WHERE s.outletId = o.id) AS sources FROM Outlet o ORDER BY o.name`,
);
const topicBySlug = db.prepare(`SELECT id, name FROM Topic WHERE slug = ?`);
const matrixOf = db.prepare(
  `SELECT c.slug, st.sourceId, st.position, st.credibility FROM Claim c JOIN Stance st ON st.claimId = c.id
   WHERE c.topicId = ? AND c.retractedAt IS NULL AND st.retractedAt IS NULL AND c.id IN
     (SELECT id FROM Claim WHERE topicId = ? AND retractedAt IS NULL ORDER BY rankKey LIMIT 30)`,
);
const searchSources = db.prepare(
  `SELECT s.id, s.title, substr(s.text, 1, 240) AS snippet, -p.rank AS score
   FROM (SELECT rowid AS r, bm25(SourceSearch, 10.0, 1.0) AS rank FROM SourceSearch WHERE SourceSearch MATCH ? ORDER BY rank LIMIT 20) p
   JOIN Source s ON s.rowid = p.r ORDER BY p.rank`,
);
const countSearch = db.prepare(`SELECT count(*) AS n FROM SourceSearch WHERE SourceSearch MATCH ?`);
const ftsQuery = (q: string) =>
  (q.match(/"[^"]*"|\S+/g) ?? []).map((part) => (part.startsWith('"') ? part : `"${part.replace(/\*$/, "")}"${part.endsWith("*") ? "*" : ""}`)).join(" AND ");

createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://floor");
  let body: unknown;
  const [, first, id, third] = url.pathname.split("/");
  if (url.pathname === "/sources") {
    body = { sources: sourcesPage.all(), total: (countSources.get() as { n: number }).n };
  } else if (first === "sources" && id) {
    body = { source: sourceById.get(id), excerpts: excerptsOf.all(id) };
  } else if (first === "actors" && id) {
    const actor = actorBySlug.get(id) as { id: string } | undefined;
    body = actor ? { actor, quotes: quotesOf.all(actor.id) } : { error: "not found" };
  } else if (url.pathname === "/outlets") {
    body = { outlets: outlets.all() };
  } else if (first === "topics" && third === "matrix") {
    const topic = topicBySlug.get(id) as { id: string } | undefined;
    body = topic ? { topic, cells: matrixOf.all(topic.id, topic.id) } : { error: "not found" };
  } else if (url.pathname === "/about/statuses") {
    body = { rules: "the same text every time" };
  } else if (url.pathname === "/api/search") {
    const match = ftsQuery(url.searchParams.get("q") ?? "");
    body = { results: searchSources.all(match), total: (countSearch.get(match) as { n: number }).n };
  } else if (url.pathname === "/") {
    body = { counts: corpusCounts.get(), contested: mostContested.all(), total: (countContested.get() as { n: number }).n };
  } else if (url.pathname === "/claims" || url.pathname === "/api/claims") {
    const after = url.searchParams.get("after") ?? "";
    body = { claims: listPage.all(after), total: (countAll.get() as { n: number }).n };
  } else if (url.pathname.startsWith("/claims/")) {
    const claim = claimBySlug.get(url.pathname.slice("/claims/".length)) as { id: string } | undefined;
    body = claim ? { claim, stances: stancesOf.all(claim.id) } : { error: "not found" };
  } else {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
}).listen(Number(port), "127.0.0.1", () => console.log(`floor on ${port}`));
