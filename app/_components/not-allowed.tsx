import { aRole, type CurrentUser, type Role } from "@/lib/roles";

/** What a signed-in user sees on a page their role does not open. */
export function NotAllowed({ user, needed, doing }: { user: CurrentUser; needed: Role; doing: string }) {
  return (
    <>
      <h1>Not allowed</h1>
      <p role="alert">
        Only {aRole(needed)} or above can {doing}. You are signed in as {user.email}, {aRole(user.role)}. An admin can change your role.
      </p>
    </>
  );
}
