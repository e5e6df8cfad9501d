import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchPage, fetchSourceDraft, isPrivateAddress } from "./fetch-page";

const article = `<!doctype html><html lang="en-gb"><head><title>Tab title</title>
<meta property="og:site_name" content="The Loopback Times"><meta property="article:published_time" content="2024-11-05T09:00:00Z">
<meta name="author" content="A. Writer"></head><body><nav>Home | World</nav><article><h1>Troops move north</h1>
<p>Officials said that  about 10,000 soldiers
had arrived in the region this week, a figure that could not be checked.</p>
<p>Another official disputed the count, calling it &lt;script&gt; exaggerated.</p></article></body></html>`;

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/article") res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(article);
    else if (req.url === "/plain") res.writeHead(200, { "content-type": "text/plain" }).end("Plain words.\r\nSecond line.");
    else if (req.url === "/pdf") res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF");
    else if (req.url === "/big") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("x".repeat(2_000));
    } else if (req.url === "/slow") setTimeout(() => res.writeHead(200, { "content-type": "text/html" }).end("<p>late</p>"), 2_000);
    else if (req.url === "/hop") res.writeHead(302, { location: "/article" }).end();
    else if (req.url === "/to-metadata") res.writeHead(302, { location: "http://169.254.169.254/latest/" }).end();
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const allowed = { allowHosts: ["127.0.0.1"] };

describe("isPrivateAddress", () => {
  it("refuses loopback, private, link-local and mapped addresses, and passes public ones", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "::1",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "0.0.0.0",
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ["93.184.216.34", "8.8.8.8", "2606:4700::1111"]) expect(isPrivateAddress(address), address).toBe(false);
  });
});

describe("fetchPage", () => {
  it("refuses a loopback address unless its host is allowed", async () => {
    await expect(fetchPage(`${base}/article`, { allowHosts: [] })).rejects.toThrow(/127\.0\.0\.1 is a private or local address/);
    await expect(fetchPage(`http://localhost:${new URL(base).port}/article`, { allowHosts: [] })).rejects.toThrow(/private or local address/);
  });

  it("refuses other schemes and malformed addresses, naming the url field", async () => {
    await expect(fetchPage("file:///etc/passwd", allowed)).rejects.toMatchObject({ field: "url", message: expect.stringMatching(/Only http/) });
    await expect(fetchPage("javascript:alert(1)", allowed)).rejects.toThrow(/Only http/);
    await expect(fetchPage("not a url", allowed)).rejects.toThrow(/is not a web address/);
  });

  it("follows a redirect, and checks where it leads", async () => {
    expect((await fetchPage(`${base}/hop`, allowed)).url).toBe(`${base}/article`);
    await expect(fetchPage(`${base}/to-metadata`, allowed)).rejects.toThrow(/169\.254\.169\.254 is a private or local address/);
  });

  it("refuses wrong types, error statuses, oversize bodies and slow servers", async () => {
    await expect(fetchPage(`${base}/pdf`, allowed)).rejects.toThrow(/application\/pdf; only HTML and plain-text/);
    await expect(fetchPage(`${base}/missing`, allowed)).rejects.toThrow(/answered 404/);
    await expect(fetchPage(`${base}/big`, { ...allowed, maxBytes: 1_000 })).rejects.toThrow(/larger than/);
    await expect(fetchPage(`${base}/slow`, { ...allowed, timeoutMs: 300 })).rejects.toThrow(/longer than 0.3 s/);
  });
});

describe("fetchSourceDraft", () => {
  it("reduces an article page to its main text, with the metadata it declares", async () => {
    const draft = await fetchSourceDraft(`${base}/article`, allowed);
    expect(draft.text).toContain("Officials said that about 10,000 soldiers had arrived in the region this week");
    expect(draft.text).toContain("calling it <script> exaggerated.");
    expect(draft.text).not.toContain("Home | World");
    expect(draft).toMatchObject({ outletName: "The Loopback Times", published: "2024-11-05", language: "en-GB", authors: "A. Writer", url: `${base}/article` });
  });

  it("keeps a plain-text page as it is", async () => {
    expect((await fetchSourceDraft(`${base}/plain`, allowed)).text).toBe("Plain words.\r\nSecond line.");
  });
});
