import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// The shape the code keeps (decision 0014): pages and route handlers read and write only through
// lib/, lib/'s folders do not import each other in a circle, and enum types come from the Prisma
// client instead of being written out again.

const root = resolve(import.meta.dirname, "..");
function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}
const source = (file: string) => readFileSync(join(root, file), "utf8");

describe("the shape of the code", () => {
  it("app/ never queries the database itself: pages and route handlers call lib/", () => {
    const direct = filesUnder("app").flatMap((file) => [...source(file).matchAll(/\bdb\.(\$?\w+)(\.\w+)?\(/g)].map((m) => `${file}: db.${m[1]}${m[2] ?? ""}(`));
    expect(direct).toEqual([]);
  });

  it("lib/'s folders import each other without a cycle", () => {
    // A file at lib/'s top (db.ts, errors.ts, roles.ts…) is a node of its own.
    const folderOf = (file: string) => relative("lib", dirname(file)).split("/")[0] || relative("lib", file).replace(/\.tsx?$/, "");
    const edges = new Map<string, Set<string>>();
    for (const file of filesUnder("lib")) {
      for (const [, spec] of source(file).matchAll(/^import[^"]*"(\.[^"]+)"/gm)) {
        const target = relative(root, resolve(root, dirname(file), spec!)) + ".ts";
        if (!target.startsWith("lib/")) continue;
        const [from, to] = [folderOf(file), folderOf(target)];
        if (from !== to) edges.set(from, (edges.get(from) ?? new Set()).add(to));
      }
    }
    const cycles: string[] = [];
    const visit = (node: string, path: string[]) => {
      for (const next of edges.get(node) ?? []) {
        if (path.includes(next)) cycles.push([...path.slice(path.indexOf(next)), next].join(" → "));
        else visit(next, [...path, next]);
      }
    };
    for (const node of edges.keys()) visit(node, [node]);
    expect([...new Set(cycles)]).toEqual([]);
  });

  it("enum types are the Prisma client's, not written out again", () => {
    const enums = [...source("prisma/schema.prisma").matchAll(/^enum (\w+) \{/gm)].map((m) => m[1]);
    const redeclared = filesUnder("lib").flatMap((file) =>
      [...source(file).matchAll(/^export type (\w+) =\s*"/gm)].filter((m) => enums.includes(m[1])).map((m) => `${file}: ${m[1]}`),
    );
    expect(redeclared).toEqual([]);
  });
});
