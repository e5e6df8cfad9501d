"use server";
// Server actions: thin doors into lib/, which authorizes, validates and writes in one
// transaction. Every action re-reads the session itself; nothing here trusts the page.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { updateActor } from "@/lib/actors/write-actor";
import { authorize } from "@/lib/roles";
import { restoreClaim, retractClaim, updateClaim } from "@/lib/claims/write-claim";
import { readUpload, type SourceDraft } from "@/lib/sources/extract";
import { fetchSourceDraft } from "@/lib/sources/fetch-page";
import { createSource, duplicateError, findDuplicateSource, updateSource } from "@/lib/sources/write-source";
import { createStance, restoreStance, retractStance, updateStance } from "@/lib/stances/write-stance";
import { setRole } from "@/lib/users/users";
import { AppError } from "@/lib/errors";
import { changed, runAction } from "./run";

export async function createSourceAction(input: unknown) {
  return runAction(async (user) => changed(await createSource(db, user, input)));
}

/** Reads an uploaded file into a draft for the new-source form; stores nothing. */
export async function readSourceFileAction(formData: FormData) {
  return runAction(async (user) => {
    authorize(user, "RESEARCHER", "add sources");
    const file = formData.get("file");
    if (!(file instanceof File) || (file.size === 0 && file.name === "")) throw new AppError("INVALID", "Choose a file to upload.", "file");
    const draft: SourceDraft = readUpload(file.name, new Uint8Array(await file.arrayBuffer()));
    const duplicate = await findDuplicateSource(db, { text: draft.text });
    if (duplicate) throw duplicateError(duplicate);
    return draft;
  });
}

/** Fetches a page into a draft for the new-source form; stores nothing. */
export async function fetchSourceUrlAction(url: unknown) {
  return runAction(async (user) => {
    authorize(user, "RESEARCHER", "add sources");
    if (typeof url !== "string" || url.trim() === "") throw new AppError("INVALID", "Give the page's address.", "url");
    const known = await findDuplicateSource(db, { url: url.trim() });
    if (known) throw duplicateError(known);
    const draft = await fetchSourceDraft(url, { allowHosts: env().CORROBORATE_FETCH_ALLOW_HOSTS });
    const duplicate = await findDuplicateSource(db, { url: draft.url, text: draft.text });
    if (duplicate) throw duplicateError(duplicate);
    return draft;
  });
}

export async function updateSourceAction(input: unknown) {
  return runAction(async (user) => changed(await updateSource(db, user, input)));
}

export async function createStanceAction(input: unknown) {
  return runAction(async (user) => changed(await createStance(db, user, input)));
}

export async function updateStanceAction(input: unknown) {
  return runAction(async (user) => changed(await updateStance(db, user, input)));
}

export async function retractStanceAction(input: unknown) {
  return runAction(async (user) => changed(await retractStance(db, user, input)));
}

export async function restoreStanceAction(input: unknown) {
  return runAction(async (user) => changed(await restoreStance(db, user, input)));
}

export async function updateClaimAction(input: unknown) {
  return runAction(async (user) => changed(await updateClaim(db, user, input)));
}

export async function retractClaimAction(input: unknown) {
  return runAction(async (user) => changed(await retractClaim(db, user, input)));
}

export async function restoreClaimAction(input: unknown) {
  return runAction(async (user) => changed(await restoreClaim(db, user, input)));
}

export async function updateActorAction(input: unknown) {
  return runAction(async (user) => changed(await updateActor(db, user, input)));
}

export async function setRoleAction(input: unknown) {
  return runAction(async (user) => changed(await setRole(db, user, input)));
}
