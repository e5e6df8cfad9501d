import type { z } from "zod";
import { AppError, notFound } from "../errors";
import { createdFields, diffFields } from "../revisions/record";
import { assertVersion, commitVersion } from "../write/versioned";
import { OutletUpdateSchema, type NewOutletSchema } from "../schemas/writes";
import { newSlug } from "../slug";
import { defineWrite, type WriteContext } from "../write/context";

// Outlets (who published) are written here; their reliability grade is an analyst's write
// (lib/review/grading.ts).

/** A new outlet; `slug` is the import's own key, otherwise one is made from the name. Names are unique. */
export async function addOutlet(w: WriteContext, data: z.output<typeof NewOutletSchema> & { slug?: string }) {
  const { tx } = w;
  const { slug: given, ...fields } = data;
  const sameName = await tx.outlet.findUnique({ where: { name: fields.name }, select: { slug: true } });
  if (sameName) throw new AppError("CONFLICT", `An outlet named "${fields.name}" is stored as "${sameName.slug}"; refer to that one.`, "name");
  const slug = await newSlug(given, fields.name, async (s) => (await tx.outlet.count({ where: { slug: s } })) > 0, "An outlet");
  const outlet = await tx.outlet.create({ data: { ...fields, slug }, select: { id: true, name: true, version: true } });
  await w.revise({ entityType: "OUTLET", entityId: outlet.id, version: outlet.version, action: "CREATE", changes: createdFields({ slug, ...fields }) });
  return outlet;
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
  return { version, changed: true };
});
