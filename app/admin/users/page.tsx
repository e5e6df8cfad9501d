import type { Metadata } from "next";
import { db } from "@/lib/db";
import { pageUser } from "@/lib/auth/guard";
import { listUsers } from "@/lib/users/users";
import { NotAllowed } from "@/app/_components/not-allowed";
import { RoleSelect } from "./role-select";

export const metadata: Metadata = { title: "Users and roles" };

export default async function UsersPage() {
  const { user, allowed } = await pageUser("ADMIN", "/admin/users");
  if (!allowed) return <NotAllowed user={user} needed="ADMIN" doing="manage users" />;
  const users = await listUsers(db, user);
  return (
    <>
      <h1>Users and roles</h1>
      <p>Readers read; researchers add sources, claims, stances and speakers; analysts also review; admins manage accounts.</p>
      <table className="users">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Joined</th>
            <th scope="col">Role</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>{u.createdAt.toISOString().slice(0, 10)}</td>
              <td>
                <RoleSelect userId={u.id} email={u.email} role={u.role} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
