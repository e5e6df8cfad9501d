import { describe, expect, it } from "vitest";
import { renderAsRole, renderAsValue } from "./viewer";
import { ROLES } from "../roles";

// A reader page is kept per role, rendered when the server asks for it "as" a role (decision
// 0021). Whoever could send that header themselves would see another role's page: links and
// forms only that role may use (every write checks again, but the page would still show them).

describe("asking for a page as a role", () => {
  it("is honoured for the server's own signed header, for every role", () => {
    for (const role of ROLES) expect(renderAsRole(renderAsValue(role))).toBe(role);
  });

  it("is refused for a header a visitor makes up: a bare role, another role's signature, garbage", () => {
    const researcher = renderAsValue("RESEARCHER");
    const signature = researcher.split(".")[1]!;
    for (const value of ["ADMIN", "ADMIN.", `ADMIN.${signature}`, `ADMIN.${signature.slice(0, -2)}`, `OWNER.${signature}`, ".", "", `${researcher}.x`]) {
      expect(renderAsRole(value), value).toBeNull();
    }
    expect(renderAsRole(null)).toBeNull();
  });
});
