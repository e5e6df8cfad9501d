import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { pageUser } from "@/lib/auth/guard";
import { NotAllowed } from "@/app/_components/not-allowed";
import { ActorEditForm } from "@/app/_components/forms/edit-forms";
import { getActorForEdit } from "@/lib/actors/get-actor";

export const metadata: Metadata = { title: "Edit a speaker" };

type Props = { params: Promise<{ id: string }> };

export default async function EditActorPage({ params }: Props) {
  const { id: slug } = await params;
  const { user, allowed } = await pageUser("RESEARCHER", `/actors/${slug}/edit`);
  if (!allowed) return <NotAllowed user={user} needed="RESEARCHER" doing="edit speakers" />;
  const actor = await getActorForEdit(db, slug);
  if (!actor) notFound();
  return (
    <>
      <p className="eyebrow">
        <a href={`/actors/${actor.slug}`}>Back to the speaker</a>
      </p>
      <h1>Edit {actor.name}</h1>
      <ActorEditForm actor={actor} />
    </>
  );
}
