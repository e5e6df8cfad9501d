import { mkdtempSync, writeFileSync, cpSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cosine, embeddingsOf, loadEmbedder } from "./embeddings";

// The embeddings mode's loading and pooling (decision 0026), run by onnxruntime-node on the small
// model the tests ship (tests/fixtures/embedding-model, made by its make.py): laid out as an
// exported sentence-transformers model, so the code that loads it is the code that loads a real one.
const MODEL = resolve(import.meta.dirname, "../../tests/fixtures/embedding-model");
const scratch = mkdtempSync(join(tmpdir(), "corroborate-model-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("a sentence-embedding model from a local directory", () => {
  it("embeds each wording as a unit vector, paraphrases close and unrelated claims apart", async () => {
    const embedder = await loadEmbedder(MODEL);
    const [troops, reworded, clause] = await embedder.embed([
      "Some 10,000 North Korean troops have been sent to Russia.",
      "About 10,000 DPRK soldiers were deployed to Russia.",
      "The treaty's mutual-defence clause is largely symbolic.",
    ]);
    expect(troops).toHaveLength(32);
    expect(cosine(troops!, troops!)).toBeCloseTo(1, 5);
    expect(cosine(troops!, reworded!)).toBeGreaterThan(0.8);
    expect(cosine(troops!, clause!)).toBeLessThan(0.3);
  });

  it("gives a text the same embedding alone or in a batch with longer ones (padding is masked out)", async () => {
    const embedder = await loadEmbedder(MODEL);
    const [alone] = await embedder.embed(["Kim signed the treaty."]);
    const [, batched] = await embedder.embed(["The treaty was signed in Pyongyang on 19 June 2024 by both leaders.", "Kim signed the treaty."]);
    expect(Array.from(batched!)).toEqual(Array.from(alone!).map((x) => expect.closeTo(x, 5)));
  });

  it("remembers embeddings already computed", async () => {
    const embedder = await loadEmbedder(MODEL);
    const [first] = await embeddingsOf(embedder, ["Russia ratified the treaty."]);
    const [again] = await embeddingsOf(embedder, ["Russia ratified the treaty."]);
    expect(again).toBe(first);
  });

  it("says what is missing from a directory that holds no model", async () => {
    await expect(loadEmbedder(scratch)).rejects.toThrow(`no tokenizer.json in ${scratch}`);
    cpSync(join(MODEL, "tokenizer.json"), join(scratch, "tokenizer.json"));
    await expect(loadEmbedder(scratch)).rejects.toThrow("no onnx/model.onnx or model.onnx");
    writeFileSync(join(scratch, "model.onnx"), "not a model");
    await expect(loadEmbedder(scratch)).rejects.toThrow();
  });
});
