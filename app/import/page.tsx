import type { Metadata } from "next";
import { pageUser } from "@/lib/auth/guard";
import { NotAllowed } from "../_components/not-allowed";
import { ImportForm } from "../_components/import-form";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage() {
  const { user, allowed } = await pageUser("RESEARCHER", "/import");
  if (!allowed) return <NotAllowed user={user} needed="RESEARCHER" doing="import data" />;
  return (
    <>
      <h1>Import</h1>
      <p>
        Sources with their texts, speakers, claims, stances with their quotes, and relations, from a JSON or JSONL file; or stances against stored sources and
        claims from a CSV file. The format is described in <code>docs/import-format.md</code>; every quote must be verbatim in its source. By default nothing is
        written unless every record is good; importing the same file twice creates nothing the second time. The whole dataset can be{" "}
        <a href="/api/export/dataset">exported</a> in this format.
      </p>
      <ImportForm />
    </>
  );
}
