"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { editCommentAction, hideCommentAction, postCommentAction, retractCommentAction } from "@/app/_actions/comments";
import { MAX_COMMENT_CHARS } from "@/lib/schemas/comment-limits";
import { Field, invalidProps } from "./field";
import { WriteForm } from "./write-form";
import { useWrite } from "./use-write";

// The discussion's forms. Each saves through a server action in app/_actions/comments.ts, which
// checks who may do it again; these only collect the input.

type On = { claimId: string } | { sourceId: string } | { stanceId: string } | { parentId: string };

/** A new comment on a claim, a source or a stance, or a reply. */
export function CommentForm({ on, label, id }: { on: On; label: string; id: string }) {
  const router = useRouter();
  const { problem, errors, pending, run } = useWrite();
  const [body, setBody] = useState("");
  return (
    <WriteForm
      problem={problem}
      onSubmit={() =>
        run(
          () => postCommentAction({ ...on, body }),
          () => {
            setBody("");
            router.refresh();
          },
        )
      }
    >
      <Field id={id} label={label} error={errors.body} hint="Markdown: *emphasis*, **strong**, [a link](/claims/…), lists and quotes. No HTML or images.">
        <textarea id={id} rows={4} maxLength={MAX_COMMENT_CHARS} value={body} onChange={(e) => setBody(e.target.value)} {...invalidProps(id, errors.body)} />
      </Field>
      <button type="submit" disabled={pending}>
        {pending ? "Posting…" : "Post the comment"}
      </button>
    </WriteForm>
  );
}

/** The author's edit of their comment; the earlier wording stays in its history. */
export function EditCommentForm({ id, version, body: stored }: { id: string; version: number; body: string }) {
  const router = useRouter();
  const { problem, errors, pending, run } = useWrite();
  const [body, setBody] = useState(stored);
  return (
    <WriteForm
      problem={problem}
      onSubmit={() =>
        run(
          () => editCommentAction({ id, version, body }),
          () => router.refresh(),
        )
      }
    >
      <Field id="comment-edit" label="Your comment" error={errors.body}>
        <textarea
          id="comment-edit"
          rows={5}
          maxLength={MAX_COMMENT_CHARS}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          {...invalidProps("comment-edit", errors.body)}
        />
      </Field>
      <button type="submit" disabled={pending}>
        Save the edit
      </button>
    </WriteForm>
  );
}

/** The author retracts their comment. */
export function RetractCommentForm({ id, version }: { id: string; version: number }) {
  const router = useRouter();
  const { problem, pending, run } = useWrite();
  return (
    <WriteForm
      problem={problem}
      onSubmit={() =>
        run(
          () => retractCommentAction({ id, version }),
          () => router.refresh(),
        )
      }
    >
      <button type="submit" disabled={pending}>
        Retract my comment
      </button>
    </WriteForm>
  );
}

/** A moderator hides a comment, saying why. */
export function HideCommentForm({ id, version }: { id: string; version: number }) {
  const router = useRouter();
  const { problem, errors, pending, run } = useWrite();
  const [reason, setReason] = useState("");
  return (
    <WriteForm
      problem={problem}
      onSubmit={() =>
        run(
          () => hideCommentAction({ id, version, reason }),
          () => router.refresh(),
        )
      }
    >
      <Field id="comment-hide-reason" label="Why it is hidden (shown in its place)" error={errors.reason}>
        <input id="comment-hide-reason" value={reason} onChange={(e) => setReason(e.target.value)} {...invalidProps("comment-hide-reason", errors.reason)} />
      </Field>
      <button type="submit" disabled={pending}>
        Hide the comment
      </button>
    </WriteForm>
  );
}
