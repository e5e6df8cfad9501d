import type { Metadata } from "next";
import { connection } from "next/server";
import { cache } from "react";
import { db } from "@/lib/db";
import { ACTOR_STANCE_LIMIT, getActorHeading, getActorWithStances } from "@/lib/actors/get-actor";
import { orNotFound } from "@/lib/http/page-data";
import { pageViewer } from "@/lib/auth/viewer";
import { hasRole } from "@/lib/roles";
import { MODE_LABEL, POSITION_LABEL } from "@/lib/labels";
import { plural } from "@/lib/format";
import { PartialDate } from "../../_components/partial-date";
import { StatusBadge } from "../../_components/status-badge";
import { GradingNote } from "../../_components/grading-note";
import { keepUntilChanged } from "@/lib/cache/cached-view";
import { pageTags } from "@/lib/cache/page-tags";
import { notFound } from "next/navigation";

type Props = { params: Promise<{ id: string }> };

const loadActor = cache((slug: string) => orNotFound(getActorWithStances(db, { slug })));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection(); // never at build: it reads the database
  return { title: (await actorHeading((await params).id))?.name };
}

/** Whether the speaker exists (a missing one is cached until a speaker is added), and their name. */
async function actorHeading(slug: string) {
  "use cache";
  const actor = await getActorHeading(db, slug);
  keepUntilChanged(...pageTags.actor(actor?.id ?? null));
  return actor;
}

export default async function ActorPage({ params }: Props) {
  const [{ id }, viewer] = await Promise.all([params, pageViewer()]);
  if (!(await actorHeading(id))) notFound();
  return <Actor slug={id} canEdit={hasRole(viewer, "RESEARCHER")} />;
}

/** Cached until the speaker or a stance quoting them changes. */
async function Actor({ slug, canEdit }: { slug: string; canEdit: boolean }) {
  "use cache";
  const actor = await loadActor(slug);
  keepUntilChanged(...pageTags.actor(actor.id));
  return (
    <>
      <header>
        <p className="eyebrow">Speaker</p>
        <h1>{actor.name}</h1>
        {canEdit ? (
          <p className="page-actions">
            <a href={`/actors/${actor.slug}/edit`}>Edit</a>
          </p>
        ) : null}
        {actor.description ? <p>{actor.description}</p> : null}
        <p className="hint">
          Quoted or credited in {plural(actor._count.stances, "stance")}. Who speaks is not who publishes: each quote below names the outlet that carried it.
          {actor._count.stances > ACTOR_STANCE_LIMIT ? ` The first ${ACTOR_STANCE_LIMIT} are shown.` : null} A stance with no grading line is not graded yet.
        </p>
      </header>
      <ol className="actor-stances">
        {actor.stances.map((s) => (
          <li key={s.id} className={`stance stance-${s.position.toLowerCase()}`}>
            <p>
              <strong>{POSITION_LABEL[s.position]}</strong> <a href={`/claims/${s.claim.slug}`}>{s.claim.text}</a> <StatusBadge status={s.claim.status} />
            </p>
            <blockquote className="quote">
              <p>{s.quote}</p>
            </blockquote>
            <p className="muted">
              {`Put ${MODE_LABEL[s.mode] ?? s.mode}, in `}
              <a href={`/sources/${s.source.id}#stance-${s.id}`}>{s.source.title}</a>
              {` (${s.source.outlet.name}, `}
              <PartialDate date={s.source.publishedAt} precision={s.source.datePrecision} />)
            </p>
            <GradingNote source={s.source} credibility={s.credibility} quietWhenUngraded />
          </li>
        ))}
      </ol>
    </>
  );
}
