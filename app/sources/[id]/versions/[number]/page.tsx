import type { Metadata } from "next";
import { connection } from "next/server";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { plural } from "@/lib/format";
import { TEXT_ORIGIN_LABEL } from "@/lib/labels";
import { orNotFound } from "@/lib/http/page-data";
import { getSourceVersion, verifyVersion } from "@/lib/sources/versions-read";
import { HighlightedText } from "@/app/_components/highlighted-text";

export const metadata: Metadata = { title: "A version of the source's text" };

type Props = { params: Promise<{ id: string; number: string }> };

/** One text of the source as it was, with the passages quoted from it, and whether each still verifies against it. */
export default async function SourceVersionPage({ params }: Props) {
  await connection();
  const { id, number } = await params;
  if (!/^[1-9]\d{0,8}$/.test(number)) notFound();
  const version = await orNotFound(getSourceVersion(db, id, Number(number)));
  const verified = verifyVersion(version);
  const excerpts = version.passages.map((p, i) => ({ id: p.stanceId, number: i + 1, start: p.start, end: p.end, position: p.position, claim: p.claim }));
  return (
    <>
      <p className="eyebrow">
        <a href={`/sources/${version.source.id}/versions`}>All versions</a> · <a href={`/sources/${version.source.id}`}>Back to the source</a>
      </p>
      <h1>
        Version {version.number} of “{version.source.title}”{version.current ? " (current)" : ""}
      </h1>
      <dl className="metadata">
        <div>
          <dt>How it came</dt>
          <dd>
            {TEXT_ORIGIN_LABEL[version.origin] ?? version.origin},{" "}
            <time dateTime={version.fetchedAt.toISOString()}>{version.fetchedAt.toISOString().replace("T", " ").slice(0, 16)} UTC</time>
          </dd>
        </div>
        <div>
          <dt>Text fingerprint</dt>
          <dd>
            <code>sha256 {version.contentHash}</code>
          </dd>
        </div>
        <div>
          <dt>Checked now</dt>
          <dd>
            {verified.text ? "The text's sha256 matches the one stored with it." : "The text's sha256 does not match the one stored with it."}{" "}
            {verified.passages
              ? `Each of the ${plural(version.passages.length, "passage")} quoted from it is its words at its place.`
              : "A passage quoted from it is not its words at its place."}
          </dd>
        </div>
      </dl>
      <section aria-labelledby="version-text">
        <h2 id="version-text">Text of version {version.number}</h2>
        <HighlightedText text={version.text} excerpts={excerpts} />
      </section>
    </>
  );
}
