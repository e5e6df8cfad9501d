"use server";
// Server actions for the discussion: thin doors into lib/comments/, which authorizes (signed in
// to comment; the author to edit or retract; analysts and admins to hide), validates and writes.
import { db } from "@/lib/db";
import { editComment, hideComment, postComment, retractComment } from "@/lib/comments/write-comment";
import { changed, runAction } from "./run";

export async function postCommentAction(input: unknown) {
  return runAction(async (user) => changed(await postComment(db, user, input)));
}

export async function editCommentAction(input: unknown) {
  return runAction(async (user) => changed(await editComment(db, user, input)));
}

export async function retractCommentAction(input: unknown) {
  return runAction(async (user) => changed(await retractComment(db, user, input)));
}

export async function hideCommentAction(input: unknown) {
  return runAction(async (user) => changed(await hideComment(db, user, input)));
}
