import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { pageUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/roles";
import { RELIABILITY_LABEL } from "@/lib/analysis/grading";
import { isoPartialDate } from "@/lib/format";
import { NotAllowed } from "@/app/_components/not-allowed";
import { SourceEditForm } from "@/app/_components/forms/edit-forms";
import { GradeForm } from "@/app/_components/forms/review-forms";
import { getSourceForEdit } from "@/lib/sources/get-source";
import { listOutletChoices } from "@/lib/choices";

export const metadata: Metadata = { title: "Edit a source's details" };

type Props = { params: Promise<{ id: string }> };

export default async function EditSourcePage({ params }: Props) {
  const { id } = await params;
  const { user, allowed } = await pageUser("RESEARCHER", `/sources/${id}/edit`);
  if (!allowed) return <NotAllowed user={user} needed="RESEARCHER" doing="edit sources" />;
  const source = await getSourceForEdit(db, id);
  if (!source) notFound();
  const outlets = await listOutletChoices(db);
  const metadata = {
    title: source.title,
    outletId: source.outletId,
    newOutletName: "",
    newOutletKind: "",
    authors: source.authors.map((a) => a.name).join(", "),
    published: isoPartialDate(source.publishedAt, source.datePrecision) ?? "",
    kind: source.kind,
    language: source.language,
    url: source.url ?? "",
    metadataNote: source.metadataNote ?? "",
  };
  return (
    <>
      <p className="eyebrow">
        <a href={`/sources/${source.id}`}>Back to the source</a>
      </p>
      <h1>Edit the details of “{source.title}”</h1>
      <p className="muted">
        The text itself cannot change: quotes point into it. Every change is kept in the <a href={`/sources/${source.id}/history`}>history</a>.
      </p>
      <SourceEditForm source={{ id: source.id, version: source.version, metadata }} outlets={outlets} />
      {hasRole(user, "ANALYST") ? (
        <section aria-labelledby="grade-heading">
          <h2 id="grade-heading">Grade this source apart from its outlet</h2>
          <p className="muted">
            {source.outlet.name} is graded{" "}
            {source.outlet.reliability ? `${source.outlet.reliability} (${RELIABILITY_LABEL[source.outlet.reliability].toLowerCase()})` : "not at all"} on the{" "}
            <a href="/outlets">outlets page</a>. Give this source its own grade only with a reason.
          </p>
          <GradeForm kind="source" id={source.id} version={source.version} reliability={source.reliability} reason={source.reliabilityReason} />
        </section>
      ) : null}
    </>
  );
}
