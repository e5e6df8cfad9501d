"use server";
// Sources that change (decision 0025): a corrected text, the address fetched again, an orphan re-attached.
import { db } from "@/lib/db";
import { addSourceText, reattachStance, refetchSource } from "@/lib/sources/text-versions";
import { changed, runAction } from "./run";

export async function addSourceTextAction(input: unknown) {
  return runAction(async (user) => changed(await addSourceText(db, user, input)));
}

export async function refetchSourceAction(input: unknown) {
  return runAction(async (user) => changed(await refetchSource(db, user, input)));
}

export async function reattachStanceAction(input: unknown) {
  return runAction(async (user) => changed(await reattachStance(db, user, input)));
}
