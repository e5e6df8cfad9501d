"use client";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { useHydrated } from "./use-hydrated";

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

/** Runs a write action from a form: pending state, and the refusal to show if there is one. */
export function useWrite() {
  const [problem, setProblem] = useState<Failure | null>(null);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  function run<T>(action: () => Promise<ActionResult<T>>, onDone: (data: T) => void) {
    setProblem(null);
    startTransition(async () => {
      const result = await action();
      if (result.ok) onDone(result.data);
      else setProblem(result);
    });
  }
  // `busy`: saving, or not yet able to save (see useHydrated); buttons are disabled while busy.
  return { problem, errors: problem?.fieldErrors ?? {}, pending, busy: pending || !hydrated, run };
}
