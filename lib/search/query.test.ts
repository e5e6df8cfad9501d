import { describe, expect, it } from "vitest";
import { fts5Query, parseQuery, parseTyping, tsQuery } from "./query";
import { snippetOf } from "./snippet";

describe("parseQuery", () => {
  it("reads words, quoted phrases and prefixes; punctuation inside a word makes a phrase of its parts", () => {
    expect(parseQuery('Kursk "military alliance" deploy* mutual-defence').parts).toEqual([
      { words: ["kursk"], prefix: false, raw: "Kursk" },
      { words: ["military", "alliance"], prefix: false, raw: "military alliance" },
      { words: ["deploy"], prefix: true, raw: "deploy" },
      { words: ["mutual", "defence"], prefix: false, raw: "mutual-defence" },
    ]);
  });

  it("takes typographic quotation marks as quotes", () => {
    expect(parseQuery("\u201cmilitary alliance\u201d").parts).toEqual([{ words: ["military", "alliance"], prefix: false, raw: "military alliance" }]);
  });

  it.each([
    ['"open', /not closed/],
    ["a OR b", /"OR" is read as a word/],
    ["(a)", /"\(" is not understood/],
    ["col:word", /":" is not understood/],
    ["-", /at least one word/],
    ['"deploy*"', /inside a "quoted phrase"/],
    ["a".repeat(301), /at most 300/],
    [Array.from({ length: 13 }, (_, i) => `w${i}`).join(" "), /at most 12 words/],
  ])("refuses %j", (q, message) => {
    expect(() => parseQuery(q)).toThrow(message);
  });

  it("writes each engine's query with every part quoted, so nothing typed is read as an operator", () => {
    const query = parseQuery('nato "it\'s over" deploy*');
    expect(fts5Query(query)).toBe('"nato" AND "it s over" AND "deploy"*');
    expect(fts5Query(query, "any")).toBe('"nato" OR "it s over" OR "deploy"*');
    expect(tsQuery(query, 3)).toEqual({
      sql: "(phraseto_tsquery('simple', $3) && phraseto_tsquery('simple', $4) && to_tsquery('simple', $5))",
      params: ["nato", "it's over", "'deploy':*"],
    });
  });
});

describe("parseTyping", () => {
  it("drops what it cannot read, ignores the listed words but the last, and takes the last word as a prefix until a space follows", () => {
    expect(parseTyping('"troops in (Kurs', new Set(["in"]))!.parts.map((p) => [p.words[0], p.prefix])).toEqual([
      ["troops", false],
      ["kurs", true],
    ]);
    expect(parseTyping("Kursk ")!.parts[0]!.prefix).toBe(false);
    expect(parseTyping('" ( ')).toBeNull();
  });
});

describe("snippetOf", () => {
  const text = `${"Filler words about nothing in particular. ".repeat(20)}Then Seoul said some 10,000 troops were in Kursk. ${"More filler after it. ".repeat(20)}`;

  it("cuts a verbatim window around the matches, marking each, with the first match's offsets in the whole text", () => {
    const snippet = snippetOf(text, parseQuery("troops kursk"));
    expect(text.slice(snippet.offset, snippet.offset + snippet.text.length)).toBe(snippet.text);
    expect(snippet.text.length).toBeLessThanOrEqual(260);
    expect(snippet.highlights.map(([from, to]) => snippet.text.slice(from, to))).toEqual(["troops", "Kursk"]);
    expect(text.slice(snippet.start, snippet.end)).toBe("troops");
  });

  it("marks a phrase as one span, a prefix's whole word, and compares without case or accents", () => {
    const phrase = snippetOf(text, parseQuery('"10,000 troops"'));
    expect(phrase.highlights.map(([from, to]) => phrase.text.slice(from, to))).toEqual(["10,000 troops"]);
    const prefix = snippetOf("The troops deployed twice.", parseQuery("deploy*"));
    expect(prefix.highlights).toEqual([[11, 19]]);
    const accents = snippetOf("Talks in Pyŏngyang ended.", parseQuery("pyongyang"));
    expect(accents.highlights).toEqual([[9, 18]]);
  });

  it("shows the text's start, unmarked, when the words are not found in it", () => {
    const snippet = snippetOf(text, parseQuery("absent"));
    expect(snippet.highlights).toEqual([]);
    expect(snippet.offset).toBe(0);
    expect(text.startsWith(snippet.text)).toBe(true);
  });
});
