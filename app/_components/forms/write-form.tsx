"use client";
import type { ReactNode } from "react";
import type { ActionFailure } from "@/lib/http/action-result";
import { ActionProblem } from "./action-problem";
import { useHydrated } from "./use-hydrated";

/**
 * A form that saves through JavaScript (no browser validation, no reload), with its refusal
 * shown first. Its controls stay disabled until the page is live: typing into them before
 * that would be lost when React takes over the inputs.
 */
export function WriteForm({
  problem,
  onSubmit,
  className = "form",
  children,
}: {
  problem: ActionFailure | null;
  onSubmit: () => void;
  className?: string;
  children: ReactNode;
}) {
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
      <LiveControls>{children}</LiveControls>
    </form>
  );
}

/** Disables every control inside until the page is live (see useHydrated). */
export function LiveControls({ children, inline = false }: { children: ReactNode; inline?: boolean }) {
  const hydrated = useHydrated();
  return (
    <fieldset className={inline ? "live-controls live-inline" : "live-controls"} disabled={!hydrated}>
      {children}
    </fieldset>
  );
}
