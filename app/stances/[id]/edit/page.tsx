import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { pageUser } from "@/lib/auth/guard";
import { NotAllowed } from "@/app/_components/not-allowed";
import { RetractControl, StanceEditForm } from "@/app/_components/forms/edit-forms";
import { getStanceForEdit } from "@/lib/stances/get-stance";
import { listSpeakerChoices } from "@/lib/choices";

export const metadata: Metadata = { title: "Edit a stance" };

type Props = { params: Promise<{ id: string }> };

export default async function EditStancePage({ params }: Props) {
  const { id } = await params;
  const { user, allowed } = await pageUser("RESEARCHER", `/stances/${id}/edit`);
  if (!allowed) return <NotAllowed user={user} needed="RESEARCHER" doing="edit stances" />;
  const stance = await getStanceForEdit(db, id);
  if (!stance) notFound();
  const actors = await listSpeakerChoices(db);
  return (
    <>
      <p className="eyebrow">
        <a href={`/claims/${stance.claim.slug}`}>Back to the claim</a>
      </p>
      <h1>Edit a stance</h1>
      <p>
        On the claim <a href={`/claims/${stance.claim.slug}`}>{stance.claim.text}</a>, from <a href={`/sources/${stance.source.id}`}>{stance.source.title}</a>:
      </p>
      <blockquote className="quote">
        <p>{stance.quote}</p>
      </blockquote>
      <p className="muted">The quoted words stay as they are; to quote other words, retract this stance and tag the passage again.</p>
      <StanceEditForm stance={{ ...stance, claimSlug: stance.claim.slug }} actors={actors} />
      <RetractControl kind="stance" id={stance.id} version={stance.version} retracted={stance.retractedAt !== null} back={`/claims/${stance.claim.slug}`} />
    </>
  );
}
