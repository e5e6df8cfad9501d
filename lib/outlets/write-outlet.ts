import type { z } from "zod";
import { AppError, notFound } from "../errors";
import { diffFields } from "../revisions/record";
import { assertVersion, commitVersion } from "../write/versioned";
import { OutletUpdateSchema, type NewOutletSchema } from "../schemas/writes";
import { newSlugs } from "../slug";
import { findByKeys } from "../database/in-chunks";
import { takenValues } from "../database/find-by-tuples";
import { insertRows } from "../database/insert-rows";
import { only, refused, thenEach, written, type Outcome } from "../write/outcome";
import { defineWrite, type WriteContext } from "../write/context";

// Outlets (who published) are written here; their reliability grade is an analyst's write
// (lib/review/grading.ts).

type NewOutlet = z.output<typeof NewOutletSchema> & { slug?: string };
export type AddedOutlet = { id: string; name: string; version: number };

/** A new outlet; `slug` is the import's own key, otherwise one is made from the name. Names are unique. */
export async function addOutlet(w: WriteContext, data: NewOutlet): Promise<AddedOutlet> {
  return only(await addOutlets(w, [data]));
}

/** New outlets, many at once (an import) or one: a name already stored (or given twice) is refused, each gets its slug, its row and its revision. */
export async function addOutlets(w: WriteContext, items: readonly NewOutlet[]): Promise<Outcome<AddedOutlet>[]> {
  const { tx } = w;
  const stored = new Map(
    (
      await findByKeys(
        items.map((i) => i.name),
        (names) => tx.outlet.findMany({ where: { name: { in: names } }, select: { name: true, slug: true } }),
      )
    ).map((o) => [o.name, o.slug]),
  );
  const seen = new Set<string>();
  const named = items.map((item) => {
    const slug = stored.get(item.name);
    if (slug !== undefined)
      return refused<NewOutlet>(new AppError("CONFLICT", `An outlet named "${item.name}" is stored as "${slug}"; refer to that one.`, "name"));
    if (seen.has(item.name)) return refused<NewOutlet>(new AppError("CONFLICT", `An outlet named "${item.name}" is added twice.`, "name"));
    seen.add(item.name);
    return written(item);
  });
  return thenEach(named, async (free) => {
    const slugs = await newSlugs(free, (candidates) => takenValues(w, "Outlet", "slug", candidates), "An outlet");
    return thenEach(
      free.map(({ slug: _, ...fields }, at) => {
        const slug = slugs[at]!;
        return slug instanceof AppError ? refused<{ slug: string; fields: typeof fields }>(slug) : written({ slug, fields });
      }),
      async (ready) => {
        const rows = await insertRows(
          w,
          "Outlet",
          ready.map(({ slug, fields }) => ({ slug, name: fields.name, kind: fields.kind, country: fields.country ?? null })),
        );
        await w.reviseCreated("OUTLET", rows, (i) => ({ fields: { slug: ready[i]!.slug, ...ready[i]!.fields } }));
        for (const row of rows) w.outlets.add(row.id);
        return rows.map((row) => written({ id: row.id, name: row.name, version: 1 }));
      },
    );
  });
}

/** Edits an outlet's name, kind or country; refused if someone saved in between. */
export const updateOutlet = defineWrite({ role: "RESEARCHER", doing: "edit outlets", input: OutletUpdateSchema }, async (w, data) => {
  const { tx } = w;
  const target = { entityType: "OUTLET", noun: "outlet", id: data.id, expected: data.version } as const;
  const outlet = await tx.outlet.findUnique({ where: { id: data.id } });
  if (!outlet) throw notFound("The outlet");
  await assertVersion(tx, target, outlet);
  const wanted = { name: data.name, kind: data.kind, country: data.country };
  const changes = diffFields(outlet, wanted);
  if (Object.keys(changes).length === 0) return { version: outlet.version, changed: false };
  if (changes.name) {
    const sameName = await tx.outlet.findUnique({ where: { name: data.name }, select: { slug: true } });
    if (sameName) throw new AppError("CONFLICT", `An outlet named "${data.name}" is stored as "${sameName.slug}".`, "name");
  }
  const version = await commitVersion(w, target, (where) => tx.outlet.updateMany({ where, data: { ...wanted, version: { increment: 1 } } }), {
    action: "UPDATE",
    changes,
    reason: data.reason,
  });
  w.outlets.add(outlet.id);
  // Its name labels the origins of the claims its sources are quoted on.
  if (changes.name) await w.touchClaimsQuoting({ outletId: outlet.id });
  return { version, changed: true };
});
