import { describe, expect, it } from "vitest";
import { ClaimListQuerySchema, encodeCursor } from "./claims-query";
import { PartialDateSchema } from "./common";
import { parseParams } from "./parse-params";

describe("parseParams with the claim list query", () => {
  it("reads valid parameters, any case for the status, and treats empty ones as absent", () => {
    const query = parseParams(ClaimListQuerySchema, new URLSearchParams("status=Contested&topic=&q=%20kursk%20&limit=5"));
    expect(query).toEqual({ status: "CONTESTED", q: "kursk", limit: 5 });
  });

  it("defaults the page size to 20", () => {
    expect(parseParams(ClaimListQuerySchema, {}).limit).toBe(20);
  });

  it("decodes a cursor it gave out and refuses one it did not", () => {
    const key = "000000000001:some-claim";
    expect(parseParams(ClaimListQuerySchema, { cursor: encodeCursor(key) }).cursor).toBe(key);
    expect(() => parseParams(ClaimListQuerySchema, { cursor: "!!" })).toThrow(/"cursor" is not a cursor this API gave out/);
  });

  it.each([
    ["limit=0", /"limit" must be a whole number from 1 to 100/],
    ["limit=2.5", /"limit" must be a whole number/],
    ["status=open", /"status" must be one of contested, corroborated/],
    ["topic=Bad_Topic", /"topic" must be lower-case letters/],
    ["sort=new", /Unknown parameter "sort": allowed are status, topic, agreement, q, limit, cursor/],
    ["q=a&q=b", /"q" is given more than once/],
  ])("refuses %s with a message naming the parameter", (qs, message) => {
    expect(() => parseParams(ClaimListQuerySchema, new URLSearchParams(qs))).toThrow(message);
  });
});

describe("PartialDateSchema", () => {
  it("keeps the precision the date is known to", () => {
    expect(PartialDateSchema.parse("2024")).toEqual({ date: new Date("2024-01-01T00:00:00Z"), precision: "YEAR" });
    expect(PartialDateSchema.parse("2024-11").precision).toBe("MONTH");
    expect(PartialDateSchema.parse("2024-12-04")).toEqual({ date: new Date("2024-12-04T00:00:00Z"), precision: "DAY" });
  });

  it("refuses dates that are not on the calendar", () => {
    expect(PartialDateSchema.safeParse("2024-02-30").success).toBe(false);
    expect(PartialDateSchema.safeParse("2024-13").success).toBe(false);
    expect(PartialDateSchema.safeParse("Nov 2024").success).toBe(false);
  });
});
