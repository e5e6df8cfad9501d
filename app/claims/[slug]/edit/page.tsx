import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { pageUser } from "@/lib/auth/guard";
import { NotAllowed } from "@/app/_components/not-allowed";
import { ClaimEditForm, RetractControl } from "@/app/_components/forms/edit-forms";
import { getClaimForEdit } from "@/lib/claims/get-claim";
import { listTopicChoices } from "@/lib/choices";

export const metadata: Metadata = { title: "Edit a claim" };

type Props = { params: Promise<{ slug: string }> };

export default async function EditClaimPage({ params }: Props) {
  const { slug } = await params;
  const { user, allowed } = await pageUser("RESEARCHER", `/claims/${slug}/edit`);
  if (!allowed) return <NotAllowed user={user} needed="RESEARCHER" doing="edit claims" />;
  const claim = await getClaimForEdit(db, slug);
  if (!claim) notFound();
  const topics = await listTopicChoices(db);
  return (
    <>
      <p className="eyebrow">
        <a href={`/claims/${claim.slug}`}>Back to the claim</a>
      </p>
      <h1>Edit the claim</h1>
      <p className="muted">
        The claim keeps its address (/claims/{claim.slug}) whatever its wording. Every change is kept in its{" "}
        <a href={`/claims/${claim.slug}/history`}>history</a>.
      </p>
      <ClaimEditForm claim={{ id: claim.id, slug: claim.slug, text: claim.text, topic: claim.topicId, version: claim.version }} topics={topics} />
      <RetractControl kind="claim" id={claim.id} version={claim.version} retracted={claim.retractedAt !== null} back={`/claims/${claim.slug}`} />
    </>
  );
}
