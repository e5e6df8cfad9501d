"use server";
// Server actions for analysts' work: thin doors into lib/review/, which authorizes
// (analysts and admins only), validates and writes in one transaction.
import { db } from "@/lib/db";
import { assessStance, gradeOutlet, gradeSource, setClaimQuantity } from "@/lib/review/grading";
import { mergeClaims, undoMerge } from "@/lib/review/merge";
import { addRelation, removeRelation } from "@/lib/review/relations";
import { assignClaim, setVerdict } from "@/lib/review/verdicts";
import { assessClaim, revealAssessments } from "@/lib/review/assessments";
import { markDistinct } from "@/lib/duplicates/review-pairs";
import { splitCopies } from "@/lib/families/copies";
import { changed, runAction } from "./run";

export async function setVerdictAction(input: unknown) {
  return runAction(async (user) => changed(await setVerdict(db, user, input)));
}

export async function assignClaimAction(input: unknown) {
  return runAction(async (user) => changed(await assignClaim(db, user, input)));
}

export async function gradeOutletAction(input: unknown) {
  return runAction(async (user) => changed(await gradeOutlet(db, user, input)));
}

export async function gradeSourceAction(input: unknown) {
  return runAction(async (user) => changed(await gradeSource(db, user, input)));
}

export async function assessStanceAction(input: unknown) {
  return runAction(async (user) => changed(await assessStance(db, user, input)));
}

export async function setClaimQuantityAction(input: unknown) {
  return runAction(async (user) => changed(await setClaimQuantity(db, user, input)));
}

export async function addRelationAction(input: unknown) {
  return runAction(async (user) => changed(await addRelation(db, user, input)));
}

export async function removeRelationAction(input: unknown) {
  return runAction(async (user) => changed(await removeRelation(db, user, input)));
}

export async function mergeClaimsAction(input: unknown) {
  return runAction(async (user) => changed(await mergeClaims(db, user, input)));
}

export async function undoMergeAction(input: unknown) {
  return runAction(async (user) => changed(await undoMerge(db, user, input)));
}

export async function assessClaimAction(input: unknown) {
  return runAction(async (user) => changed(await assessClaim(db, user, input)));
}

export async function revealAssessmentsAction(input: unknown) {
  return runAction(async (user) => changed(await revealAssessments(db, user, input)));
}

export async function markDistinctAction(input: unknown) {
  return runAction(async (user) => changed(await markDistinct(db, user, input)));
}

export async function splitCopiesAction(input: unknown) {
  return runAction(async (user) => changed(await splitCopies(db, user, input)));
}
