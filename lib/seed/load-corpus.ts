import type { Db } from "../database/create-client";
import { readCorpus } from "./read-corpus";
import { writeCorpus, type LoadReport } from "./write-corpus";

/** Checks a corpus file completely, then writes it in one transaction. */
export async function loadCorpus({ db, corpusPath }: { db: Db; corpusPath: string }): Promise<LoadReport> {
  return writeCorpus(db, await readCorpus(corpusPath));
}
