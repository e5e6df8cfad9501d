import type { ReactNode } from "react";

/**
 * A labelled form field with its error beside it. The control inside should carry
 * `id`, and `aria-describedby={errorId(id)}` with `aria-invalid` when `error` is set.
 */
export function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p className="field-error" id={errorId(id)}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export const errorId = (id: string) => `${id}-error`;

/** The aria attributes that tie a control to its error message. */
export const invalidProps = (id: string, error?: string) => (error ? { "aria-invalid": true as const, "aria-describedby": errorId(id) } : {});
