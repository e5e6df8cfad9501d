import type { Metadata } from "next";
import { connection } from "next/server";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { sourceHistory } from "@/lib/revisions/history";
import { HistoryList } from "@/app/_components/history-list";
import { getSourceHeading } from "@/lib/sources/get-source";

export const metadata: Metadata = { title: "Source history" };

type Props = { params: Promise<{ id: string }> };

export default async function SourceHistoryPage({ params }: Props) {
  await connection();
  const { id } = await params;
  const source = await getSourceHeading(db, id);
  if (!source) notFound();
  return (
    <>
      <p className="eyebrow">
        <a href={`/sources/${source.id}`}>Back to the source</a>
      </p>
      <h1>History of “{source.title}”</h1>
      <p>Every change to the source&apos;s details and to the stances that quote it.</p>
      <HistoryList entries={await sourceHistory(db, source.id)} />
    </>
  );
}
