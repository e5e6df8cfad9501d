"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { setRoleAction } from "@/app/_actions/writes";
import { ROLE_LABEL, ROLES } from "@/lib/roles";
import { useWrite } from "@/app/_components/forms/use-write";
import { LiveControls } from "@/app/_components/forms/write-form";

/** One account's role, changed in place. */
export function RoleSelect({ userId, email, role }: { userId: string; email: string; role: string }) {
  const router = useRouter();
  const { problem, pending, run } = useWrite();
  const [value, setValue] = useState(role);
  const [saved, setSaved] = useState(false);
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        run(
          () => setRoleAction({ userId, role: value }),
          () => {
            setSaved(true);
            router.refresh();
          },
        );
      }}
    >
      <LiveControls inline>
        <label htmlFor={`role-${userId}`} className="visually-hidden">
          Role of {email}
        </label>
        <select id={`role-${userId}`} value={value} onChange={(e) => setValue(e.target.value)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </select>{" "}
        <button type="submit" disabled={pending}>
          Change
        </button>
        {saved ? <span role="status"> Saved.</span> : null}
        {problem ? (
          <span className="field-error" role="alert">
            {" "}
            {problem.message}
          </span>
        ) : null}
      </LiveControls>
    </form>
  );
}
