// The static ceiling: the app's own answers for the benchmark's URLs, fetched from it once and
// served from memory by plain node:http with the same headers a page needs (type, length). No
// server can answer these URLs with less work: it is what a perfect cache would cost.
//   tsx bench/replay-server.ts <file of { path: { type, body } }> <port>
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const [file, port = "3202"] = process.argv.slice(2);
const pages = new Map(
  Object.entries(JSON.parse(readFileSync(file!, "utf8")) as Record<string, { type: string; body: string }>).map(([path, page]) => [
    path,
    { type: page.type, body: Buffer.from(page.body) },
  ]),
);

createServer((request, response) => {
  const page = pages.get(request.url ?? "/");
  if (!page) return void response.writeHead(404).end();
  response.writeHead(200, { "content-type": page.type, "content-length": page.body.length }).end(page.body);
}).listen(Number(port), "127.0.0.1", () => console.log(`replay on ${port}: ${pages.size} pages`));
