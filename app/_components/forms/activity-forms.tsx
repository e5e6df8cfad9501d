"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { markActivitySeenAction, setHandleAction, setWatchAction } from "@/app/_actions/activity";
import { Field, invalidProps } from "./field";
import { WriteForm } from "./write-form";
import { useWrite } from "./use-write";

// Watching, the activity page and the handle: each saves through a server action in
// app/_actions/activity.ts, which checks who may do it again.

type Target = { claimId: string } | { sourceId: string } | { topicId: string };

/** Starts or stops watching a claim, a source or a topic. */
export function WatchButton({ target, watching, noun }: { target: Target; watching: boolean; noun: string }) {
  const router = useRouter();
  const { problem, pending, run } = useWrite();
  return (
    <WriteForm
      className="form form-inline watch"
      problem={problem}
      onSubmit={() =>
        run(
          () => setWatchAction({ ...target, watch: !watching }),
          () => router.refresh(),
        )
      }
    >
      <button type="submit" className="link-button" disabled={pending} aria-pressed={watching}>
        {watching ? `Watching ${noun} (stop)` : `Watch ${noun}`}
      </button>
    </WriteForm>
  );
}

/** Once the activity page is shown, its lines up to the newest count as read (and the header's count drops). */
export function MarkSeen({ until }: { until: string | null }) {
  const router = useRouter();
  useEffect(() => {
    if (!until) return;
    void markActivitySeenAction({ until }).then((result) => {
      if (result.ok && (result.data as { changed: boolean }).changed) router.refresh();
    });
  }, [until, router]);
  return null;
}

/** The name others @mention you by. */
export function HandleForm({ handle }: { handle: string | null }) {
  const router = useRouter();
  const { problem, errors, pending, run } = useWrite();
  const [value, setValue] = useState(handle ?? "");
  return (
    <WriteForm
      problem={problem}
      onSubmit={() =>
        run(
          () => setHandleAction({ handle: value }),
          () => router.refresh(),
        )
      }
    >
      <Field id="handle" label="Your handle" error={errors.handle} hint="Others mention you in a comment as @handle: 2 to 30 letters, digits and hyphens.">
        <input id="handle" value={value} maxLength={30} onChange={(e) => setValue(e.target.value)} {...invalidProps("handle", errors.handle)} />
      </Field>
      <button type="submit" disabled={pending}>
        Save the handle
      </button>
    </WriteForm>
  );
}
