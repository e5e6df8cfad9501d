import type { Metadata } from "next";
import { db } from "@/lib/db";
import { pageUser } from "@/lib/auth/guard";
import { NotAllowed } from "@/app/_components/not-allowed";
import { NewSourceForm } from "./new-source-form";
import { listOutletChoices } from "@/lib/choices";

export const metadata: Metadata = { title: "Add a source" };

export default async function NewSourcePage() {
  const { user, allowed } = await pageUser("RESEARCHER", "/sources/new");
  if (!allowed) return <NotAllowed user={user} needed="RESEARCHER" doing="add sources" />;
  const outlets = await listOutletChoices(db);
  return (
    <>
      <h1>Add a source</h1>
      <p>An article, a statement or a post that says something about a claim. Once it is saved, select passages in it to link them to claims.</p>
      <NewSourceForm outlets={outlets} />
    </>
  );
}
