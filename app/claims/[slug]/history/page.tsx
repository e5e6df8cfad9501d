import type { Metadata } from "next";
import { connection } from "next/server";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { claimHistory } from "@/lib/revisions/history";
import { HistoryList } from "@/app/_components/history-list";
import { getClaimHeading } from "@/lib/claims/get-claim";

export const metadata: Metadata = { title: "Claim history" };

type Props = { params: Promise<{ slug: string }> };

export default async function ClaimHistoryPage({ params }: Props) {
  await connection();
  const { slug } = await params;
  const claim = await getClaimHeading(db, slug);
  if (!claim) notFound();
  return (
    <>
      <p className="eyebrow">
        <a href={`/claims/${claim.slug}`}>Back to the claim</a>
      </p>
      <h1>History of “{claim.text}”</h1>
      <p>Every change to the claim and to the stances on it: who made it, when, what changed and why.</p>
      <HistoryList entries={await claimHistory(db, claim.id)} />
    </>
  );
}
