import type { Metadata } from "next";
import { db } from "@/lib/db";
import { pageUser } from "@/lib/auth/guard";
import { plural } from "@/lib/format";
import { POSITION_LABEL } from "@/lib/labels";
import { listOrphans } from "@/lib/sources/versions-read";
import { NotAllowed } from "../../_components/not-allowed";
import { NumberedPager } from "../../_components/pager";
import { ReattachForm } from "../../_components/forms/source-version-forms";

export const metadata: Metadata = { title: "Orphaned excerpts" };

type SearchParams = Record<string, string | string[] | undefined>;

/** Stances whose words their source's current text no longer has (decision 0025), for researchers to re-attach or retract. */
export default async function OrphansPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { user, allowed } = await pageUser("RESEARCHER", "/review/orphans");
  if (!allowed) return <NotAllowed user={user} needed="RESEARCHER" doing="re-attach orphaned excerpts" />;
  const raw = (await searchParams).page;
  const page = typeof raw === "string" && /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : 1;
  const list = await listOrphans(db, { page });
  const href = (n: number) => `/review/orphans${n > 1 ? `?page=${n}` : ""}`;
  return (
    <>
      <h1>Orphaned excerpts</h1>
      <p>
        Excerpts whose words a new text of their source no longer has. Each still counts, quoted from the version it was taken from, and is shown as an orphan.
        Re-attach it to the words of the current text that say the same, or retract it if the source no longer says it.
      </p>
      <h2 className="results-count">
        {plural(list.total, "orphaned excerpt")}
        {list.pages > 1 ? `, page ${list.page} of ${list.pages}` : ""}
      </h2>
      {list.stances.length === 0 ? <p>{list.page > list.pages ? <a href={href(1)}>Go to the first page</a> : "No excerpt is orphaned."}</p> : null}
      <ol className="queue">
        {list.stances.map((s) => (
          <li key={s.id} className="queue-item" id={`orphan-${s.id}`} aria-label={`Orphaned: ${s.quote}`}>
            <blockquote className="quote">
              <p>{s.quote}</p>
            </blockquote>
            <p>
              {POSITION_LABEL[s.position]} <a href={`/claims/${s.claim.slug}`}>{s.claim.text}</a>
            </p>
            <p className="muted">
              In <a href={`/sources/${s.source.id}/versions/${s.anchoredVersion}`}>version {s.anchoredVersion}</a> of{" "}
              <a href={`/sources/${s.source.id}`}>{s.source.title}</a>; not in its current text (version {s.source.textVersion}) since{" "}
              <time dateTime={s.orphanedAt!.toISOString()}>{s.orphanedAt!.toISOString().slice(0, 10)}</time>.{" "}
              <a href={`/sources/${s.source.id}/versions?from=${s.anchoredVersion}&to=${s.source.textVersion}`}>What changed</a> ·{" "}
              <a href={`/stances/${s.id}/edit`}>Retract</a>
            </p>
            <ReattachForm stanceId={s.id} version={s.version} quote={s.quote} />
          </li>
        ))}
      </ol>
      <NumberedPager page={list.page} pages={list.pages} href={href} />
    </>
  );
}
