import type { Metadata } from "next";
import { connection } from "next/server";
import { db } from "@/lib/db";
import { listActors } from "@/lib/actors/get-actor";
import { plural } from "@/lib/format";
import { keepUntilChanged } from "@/lib/cache/cached-view";
import { pageTags } from "@/lib/cache/page-tags";

export const metadata: Metadata = { title: "Speakers" };

export default async function ActorsPage() {
  await connection();
  return <Actors />;
}

/** Cached until a speaker or a stance quoting one changes. */
async function Actors() {
  "use cache";
  keepUntilChanged(...pageTags.actorList);
  const actors = await listActors(db);
  return (
    <>
      <h1>Speakers</h1>
      <p className="hint">People and organisations quoted or credited inside sources — distinct from the outlets that published them.</p>
      <ul className="actor-list">
        {actors.map((a) => (
          <li key={a.slug}>
            <a href={`/actors/${a.slug}`}>{a.name}</a>
            {a.description ? <span className="muted"> — {a.description}</span> : null} ({plural(a._count.stances, "stance")})
          </li>
        ))}
      </ul>
    </>
  );
}
