import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { AppError } from "../errors";
import { MAX_UPLOAD_BYTES, UPLOAD_TYPES } from "./limits";

/** What a file or a page says about itself, to prefill the new-source form. The user checks it. */
export type SourceDraft = {
  text: string;
  title?: string;
  authors?: string;
  outletName?: string;
  /** YYYY-MM-DD, when the page gives a publication date. */
  published?: string;
  language?: string;
  url?: string;
};

const BLOCK = new Set(
  "ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TBODY TD TH THEAD TR UL BR".split(
    " ",
  ),
);
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME", "OBJECT"]);

type DomNode = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<DomNode> };

/**
 * The readable text of an element: one paragraph per block, blank lines between, runs of
 * spaces and line breaks inside a paragraph as one space. Non-breaking spaces stay.
 */
export function blockText(root: DomNode): string {
  const blocks: string[] = [];
  let current = "";
  const flush = () => {
    const paragraph = current.replace(/[ \t\r\n\f]+/g, " ").trim();
    if (paragraph) blocks.push(paragraph);
    current = "";
  };
  const walk = (node: DomNode) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) current += child.textContent ?? "";
      else if (child.nodeType === 1) {
        const tag = child.nodeName.toUpperCase();
        if (SKIP.has(tag)) continue;
        if (BLOCK.has(tag)) {
          flush();
          walk(child);
          flush();
        } else walk(child);
      }
    }
  };
  walk(root);
  flush();
  return blocks.join("\n\n");
}

const meta = (document: Document, ...names: string[]) => {
  for (const name of names) {
    const value = document.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute("content")?.trim();
    if (value) return value;
  }
  return undefined;
};

/** The main text of an HTML page (Mozilla's Readability), with the metadata it declares. */
export function extractArticle(html: string, url?: string): SourceDraft {
  const { document } = parseHTML(html);
  const language = document.documentElement?.getAttribute("lang")?.trim() || undefined;
  const declared = {
    outletName: meta(document, "og:site_name", "application-name"),
    published: meta(document, "article:published_time", "datePublished", "date", "dc.date"),
    authors: meta(document, "author", "article:author"),
    title: meta(document, "og:title") ?? (document.querySelector("title")?.textContent?.trim() || undefined),
  };
  const article = new Readability(document as unknown as Document, { serializer: (node) => node, charThreshold: 200 }).parse();
  const articleRoot = article?.content as DomNode | null | undefined;
  const text = blockText(articleRoot ?? (parseHTML(html).document.body as unknown as DomNode));
  if (!text.trim()) throw new AppError("INVALID", "No readable text was found in this page.", "text");
  return withoutEmpty({
    text,
    title: article?.title?.trim() || declared.title,
    authors: article?.byline?.trim() || declared.authors,
    outletName: article?.siteName?.trim() || declared.outletName,
    published: isoDay(article?.publishedTime ?? declared.published),
    language: normaliseLanguage(article?.lang ?? language),
    url,
  });
}

/** The text of an uploaded file: .txt and .md as they are, .html reduced to its main text. */
export function readUpload(fileName: string, bytes: Uint8Array): SourceDraft {
  const extension = /\.[^.]+$/.exec(fileName.toLowerCase())?.[0] ?? "";
  if (!(UPLOAD_TYPES as readonly string[]).includes(extension)) {
    throw new AppError("INVALID", `Only ${UPLOAD_TYPES.join(", ")} files can be added; "${fileName}" is not one of them.`, "file");
  }
  if (bytes.byteLength === 0) throw new AppError("INVALID", `"${fileName}" is empty.`, "file");
  if (bytes.byteLength > MAX_UPLOAD_BYTES) {
    throw new AppError(
      "INVALID",
      `"${fileName}" is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`,
      "file",
    );
  }
  let content: string;
  try {
    content = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("INVALID", `"${fileName}" is not UTF-8 text.`, "file");
  }
  if (extension === ".html" || extension === ".htm") return extractArticle(content);
  if (!content.trim()) throw new AppError("INVALID", `"${fileName}" holds no text.`, "file");
  const heading = /^#\s+(.+)$/m.exec(content)?.[1]?.trim();
  return withoutEmpty({ text: content, title: extension === ".md" ? heading : undefined });
}

function isoDay(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  if (match) return match[1];
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}

function normaliseLanguage(value: string | null | undefined): string | undefined {
  const match = /^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{2}))?$/.exec(value?.trim() ?? "");
  if (!match) return undefined;
  return match[2] ? `${match[1]!.toLowerCase()}-${match[2].toUpperCase()}` : match[1]!.toLowerCase();
}

function withoutEmpty(draft: SourceDraft): SourceDraft {
  return Object.fromEntries(Object.entries(draft).filter(([, value]) => value !== undefined && value !== "")) as SourceDraft;
}
