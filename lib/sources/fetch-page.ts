import { lookup } from "node:dns/promises";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { AppError } from "../errors";
import { extractArticle, type SourceDraft } from "./extract";

export type FetchOptions = {
  /** Host names or addresses that may be fetched although they are loopback or private. */
  allowHosts: readonly string[];
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
};

export const FETCH_TIMEOUT_MS = 10_000;
export const FETCH_MAX_BYTES = 5 * 1024 * 1024;

// Addresses a server-side fetch must not reach on a user's say-so: this machine, the
// private networks around it, link-local (cloud metadata at 169.254.169.254) and the rest.
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 3],
] as const)
  blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 127],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
  ["2001:db8::", 32],
] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

/** True for loopback, private, link-local, multicast and reserved addresses (IPv4-mapped IPv6 included). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return blocked.check(mapped, "ipv4");
  const family = isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? "ipv4" : "ipv6");
}

const urlError = (message: string) => new AppError("INVALID", message, "url");

/**
 * Fetches a page for "add a source from a URL". Only http and https; loopback and private
 * addresses are refused unless their host is allowed, and the check is made on the
 * address actually connected to (so a name that resolves differently later cannot slip
 * through); redirects are followed by hand and checked the same way; the whole fetch has
 * a time limit and the body a size limit.
 */
export async function fetchPage(rawUrl: string, options: FetchOptions): Promise<{ url: string; contentType: string; body: string }> {
  const { timeoutMs = FETCH_TIMEOUT_MS, maxBytes = FETCH_MAX_BYTES, maxRedirects = 5 } = options;
  const signal = AbortSignal.timeout(timeoutMs);
  let url = parseHttpUrl(rawUrl);
  for (let hop = 0; ; hop += 1) {
    const response = await request(url, options.allowHosts, signal, timeoutMs);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      if (hop >= maxRedirects) throw urlError(`The address redirected more than ${maxRedirects} times.`);
      url = parseHttpUrl(new URL(response.headers.location, url).toString());
      continue;
    }
    if (status < 200 || status >= 300) {
      response.resume();
      throw urlError(`The page could not be fetched: the server answered ${status}.`);
    }
    const contentType = (response.headers["content-type"] ?? "").toLowerCase();
    const mediaType = contentType.split(";")[0]!.trim();
    if (!["text/html", "application/xhtml+xml", "text/plain", "text/markdown"].includes(mediaType)) {
      response.resume();
      throw urlError(`The page is ${mediaType || "of no declared type"}; only HTML and plain-text pages can be added.`);
    }
    const bytes = await readBody(response, maxBytes, signal, timeoutMs);
    const charset = /charset=["']?([\w-]+)/.exec(contentType)?.[1] ?? "utf-8";
    let body: string;
    try {
      body = new TextDecoder(charset).decode(bytes);
    } catch {
      body = new TextDecoder("utf-8").decode(bytes);
    }
    return { url: url.toString(), contentType: mediaType, body };
  }
}

/** Fetches a page and reduces it to a draft source: its main text and what it says about itself. */
export async function fetchSourceDraft(rawUrl: string, options: FetchOptions): Promise<SourceDraft> {
  const page = await fetchPage(rawUrl, options);
  if (page.contentType === "text/plain" || page.contentType === "text/markdown") {
    if (!page.body.trim()) throw urlError("The page holds no text.");
    return { text: page.body, url: page.url };
  }
  return extractArticle(page.body, page.url);
}

function parseHttpUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw urlError(`"${raw.slice(0, 200)}" is not a web address; give a full address starting with http:// or https://.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw urlError(`Only http:// and https:// addresses can be fetched, not ${url.protocol}`);
  if (url.username || url.password) throw urlError("Addresses with a user name or password are not fetched.");
  return url;
}

function request(url: URL, allowHosts: readonly string[], signal: AbortSignal, timeoutMs: number): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const allowed = allowHosts.includes(host);
  const refused = () => urlError(`${host} is a private or local address; Corroborate fetches only public pages.`);
  if (isIP(host) && !allowed && isPrivateAddress(host)) return Promise.reject(refused());

  // Every address the name resolves to is checked at connect time, not before.
  const checkedLookup: LookupFunction = (hostname, lookupOptions, callback) => {
    lookup(hostname, { all: true, family: lookupOptions.family as 0 | 4 | 6 | undefined })
      .then((addresses) => {
        if (addresses.length === 0) throw urlError(`${hostname} has no address.`);
        if (!allowed && addresses.some((a) => isPrivateAddress(a.address))) throw refused();
        if (lookupOptions.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      })
      .catch((error: Error) => callback(error as NodeJS.ErrnoException, "", 0));
  };

  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const req = client.get(
      url,
      { lookup: checkedLookup, signal, headers: { "user-agent": "Corroborate/0.1 (source fetcher)", accept: "text/html, text/plain;q=0.9" } },
      resolve,
    );
    req.on("error", (error) => reject(fetchFailure(error, url, timeoutMs)));
  });
}

function readBody(response: IncomingMessage, maxBytes: number, signal: AbortSignal, timeoutMs: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => urlError(`The page is larger than ${maxBytes / 1024 / 1024} MB.`);
    const fail = (error: Error) => {
      reject(error);
      response.destroy();
    };
    if (Number(response.headers["content-length"] ?? 0) > maxBytes) return fail(tooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    response.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) fail(tooLarge());
      else chunks.push(chunk);
    });
    response.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    response.on("error", (error) => reject(signal.aborted ? urlError(`The page took longer than ${timeoutMs / 1000} s to arrive.`) : error));
    response.on("aborted", () => reject(urlError("The page stopped arriving before it was complete.")));
  });
}

function fetchFailure(error: Error, url: URL, timeoutMs: number): Error {
  if (error instanceof AppError) return error;
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof AppError) return cause;
  if (error.name === "AbortError" || error.name === "TimeoutError") return urlError(`The page took longer than ${timeoutMs / 1000} s to answer.`);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return urlError(`${url.hostname} could not be found.`);
  if (code === "ECONNREFUSED") return urlError(`${url.host} refused the connection.`);
  return urlError(`The page could not be fetched (${code ?? error.message}).`);
}
