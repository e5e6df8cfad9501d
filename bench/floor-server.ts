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

createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://floor");
  let body: unknown;
  if (url.pathname === "/") {
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
