"use client";
import { useCallback, useState, useTransition } from "react";
import type { ActionFailure, ActionResult } from "@/lib/http/action-result";

/**
 * Runs a write action from a form: whether it is running, and the refusal to show if there
 * is one. Forms keep their controls disabled until the page is live (LiveControls), so
 * `pending` is all a button needs.
 */
export function useWrite() {
  const [problem, setProblem] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();
  function run<T>(action: () => Promise<ActionResult<T>>, onDone: (data: T) => void) {
    setProblem(null);
    startTransition(async () => {
      const result = await action();
      if (result.ok) onDone(result.data);
      else setProblem(result);
    });
  }
  /** Shows a refusal found in the browser, before anything is sent. */
  const refuse = (field: string, message: string) => setProblem({ ok: false, code: "INVALID", message, fieldErrors: { [field]: message } });
  const reset = useCallback(() => setProblem(null), []);
  return { problem, errors: problem?.fieldErrors ?? {}, pending, run, refuse, reset };
}
