import { describe, expect, it } from "vitest";
import { extractArticle, readUpload } from "./extract";
import { MAX_UPLOAD_BYTES } from "./limits";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("readUpload", () => {
  it("keeps .txt and .md text as it is, taking a Markdown heading as the title", () => {
    expect(readUpload("note.txt", bytes("Line one.\nLine two."))).toEqual({ text: "Line one.\nLine two." });
    expect(readUpload("note.MD", bytes("# Troops on the move\n\nBody text."))).toEqual({
      text: "# Troops on the move\n\nBody text.",
      title: "Troops on the move",
    });
  });

  it("reduces .html to the article's text, paragraph by paragraph, markup shown as text", () => {
    const draft = readUpload(
      "page.html",
      bytes(`<html lang="ko"><head><title>T</title><script>alert(1)</script></head><body><article><h1>Head</h1>
      <p>First <b>bold</b>\n paragraph, long enough to count as an article's body text for the reader view.</p>
      <p>Second: &lt;img src=x onerror=alert(1)&gt; shown as words, and the rest of a long enough paragraph.</p></article></body></html>`),
    );
    expect(draft.text).toContain("First bold paragraph, long enough");
    expect(draft.text).toContain("\n\nSecond: <img src=x onerror=alert(1)> shown as words");
    expect(draft.text).not.toContain("alert(1)</script>");
    expect(draft.language).toBe("ko");
  });

  it("refuses other file types, empty files, oversize files and text that is not UTF-8, naming the file field", () => {
    expect(() => readUpload("report.pdf", bytes("%PDF-1.7"))).toThrowError(/Only \.txt, \.md, \.html, \.htm files can be added; "report\.pdf"/);
    expect(() => readUpload("empty.txt", new Uint8Array())).toThrowError(/"empty\.txt" is empty/);
    expect(() => readUpload("big.txt", new Uint8Array(MAX_UPLOAD_BYTES + 1))).toThrowError(/the limit is 5 MB/);
    expect(() => readUpload("latin1.txt", new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toThrowError(/not UTF-8/);
    try {
      readUpload("x.exe", bytes("MZ"));
    } catch (error) {
      expect((error as { field?: string }).field).toBe("file");
    }
  });
});

describe("extractArticle", () => {
  it("refuses a page with no readable text", () => {
    expect(() => extractArticle("<html><body><script>x()</script></body></html>")).toThrowError(/No readable text/);
  });
});
