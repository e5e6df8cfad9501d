import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Tokenizer } from "@huggingface/tokenizers";
import { envVar } from "../env";

// The duplicate matcher's embeddings mode (decision 0026): when CORROBORATE_EMBEDDINGS_MODEL names a
// local sentence-embedding model directory (a sentence-transformers model exported to ONNX:
// tokenizer.json, tokenizer_config.json, onnx/model.onnx or model.onnx), each wording is embedded
// (mean of the token vectors over the attention mask, then unit length) and two wordings' cosine
// is a second score beside the lexical one. The model is read from that directory only; nothing is
// downloaded. onnxruntime-node runs it on the CPU, loaded only when the mode is on.

/** Tokens a wording is cut to: claims are short, and the cost grows with the square of the length. */
const MAX_TOKENS = 128;

export type Embedder = {
  /** The model's directory, as the method names it. */
  readonly model: string;
  /** Each text's embedding, of unit length. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
};

/** The cosine of two unit vectors: 1 the same direction, 0 unrelated. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
}

const loaded = new Map<string, Promise<Embedder>>();

/** The configured model, loaded once per process; null when the mode is off. */
export function configuredEmbedder(): Promise<Embedder> | null {
  const dir = envVar("CORROBORATE_EMBEDDINGS_MODEL");
  return dir ? loadEmbedder(dir) : null;
}

/** The model in `dir`, loaded once per process. A directory without a model is an error that says what is missing. */
export function loadEmbedder(dir: string): Promise<Embedder> {
  const path = resolve(dir);
  let embedder = loaded.get(path);
  if (!embedder) {
    embedder = openModel(path);
    loaded.set(path, embedder);
    embedder.catch(() => loaded.delete(path));
  }
  return embedder;
}

async function openModel(dir: string): Promise<Embedder> {
  const file = (name: string) => join(dir, name);
  if (!existsSync(file("tokenizer.json"))) throw new Error(`CORROBORATE_EMBEDDINGS_MODEL: no tokenizer.json in ${dir}.`);
  const modelPath = [file("onnx/model.onnx"), file("model.onnx")].find((p) => existsSync(p));
  if (!modelPath) throw new Error(`CORROBORATE_EMBEDDINGS_MODEL: no onnx/model.onnx or model.onnx in ${dir}.`);
  const config = existsSync(file("tokenizer_config.json")) ? JSON.parse(readFileSync(file("tokenizer_config.json"), "utf8")) : {};
  const tokenizer = new Tokenizer(JSON.parse(readFileSync(file("tokenizer.json"), "utf8")), config);
  const ort = await import("onnxruntime-node");
  const session = await ort.InferenceSession.create(modelPath, { executionProviders: ["cpu"], intraOpNumThreads: 1, interOpNumThreads: 1 });
  const output = session.outputNames.includes("sentence_embedding") ? "sentence_embedding" : session.outputNames[0]!;

  async function embed(texts: readonly string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    const encoded = texts.map((text) => {
      const { ids, attention_mask } = tokenizer.encode(text);
      return { ids: ids.slice(0, MAX_TOKENS), mask: attention_mask.slice(0, MAX_TOKENS) };
    });
    const length = Math.max(...encoded.map((e) => e.ids.length));
    const ids = new BigInt64Array(texts.length * length);
    const mask = new BigInt64Array(texts.length * length);
    encoded.forEach((e, row) => {
      e.ids.forEach((id, i) => (ids[row * length + i] = BigInt(id)));
      e.mask.forEach((m, i) => (mask[row * length + i] = BigInt(m)));
    });
    const dims = [texts.length, length];
    const inputs: Record<string, InstanceType<typeof ort.Tensor>> = {};
    for (const name of session.inputNames) {
      if (name === "input_ids") inputs[name] = new ort.Tensor("int64", ids, dims);
      else if (name === "attention_mask") inputs[name] = new ort.Tensor("int64", mask, dims);
      else if (name === "token_type_ids") inputs[name] = new ort.Tensor("int64", new BigInt64Array(ids.length), dims);
      else throw new Error(`CORROBORATE_EMBEDDINGS_MODEL: the model asks for an input this app does not give: ${name}.`);
    }
    const result = (await session.run(inputs))[output]!;
    const data = result.data as Float32Array;
    const width = result.dims.at(-1)!;
    return encoded.map((e, row) => {
      const vector = new Float32Array(width);
      if (result.dims.length === 2) vector.set(data.subarray(row * width, (row + 1) * width));
      else {
        // Mean of the token vectors the mask keeps.
        let kept = 0;
        for (let t = 0; t < length; t++) {
          if (Number(mask[row * length + t]) === 0) continue;
          kept++;
          const at = (row * length + t) * width;
          for (let d = 0; d < width; d++) vector[d]! += data[at + d]!;
        }
        for (let d = 0; d < width; d++) vector[d]! /= Math.max(1, kept);
      }
      return unit(vector);
    });
  }
  return { model: dir, embed };
}

function unit(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const x of vector) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let d = 0; d < vector.length; d++) vector[d]! /= norm;
  return vector;
}

/** Embeddings already computed, by model and text: a claim's wording is compared again and again. */
const remembered = new Map<string, Float32Array>();
const REMEMBERED = 20_000;
/** Texts embedded in one run of the model. */
const BATCH = 32;

/** The texts' embeddings, those computed before taken from memory and the rest computed BATCH at a time. */
export async function embeddingsOf(embedder: Embedder, texts: readonly string[]): Promise<Float32Array[]> {
  const key = (text: string) => `${embedder.model}\u0000${text}`;
  const missing = [...new Set(texts.filter((t) => !remembered.has(key(t))))];
  for (let from = 0; from < missing.length; from += BATCH) {
    const batch = missing.slice(from, from + BATCH);
    const vectors = await embedder.embed(batch);
    batch.forEach((text, i) => {
      if (remembered.size >= REMEMBERED) remembered.delete(remembered.keys().next().value!);
      remembered.set(key(text), vectors[i]!);
    });
  }
  return texts.map((t) => remembered.get(key(t))!);
}
