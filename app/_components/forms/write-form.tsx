"use client";
import type { ReactNode } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { ActionProblem } from "./action-problem";

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

/** A form that saves through JavaScript (no browser validation, no reload), with its refusal shown first. */
export function WriteForm({ problem, onSubmit, className = "form", children }: { problem: Failure | null; onSubmit: () => void; className?: string; children: ReactNode }) {
  return (
    <form
      className={className}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <ActionProblem result={problem} />
      {children}
    </form>
  );
}
