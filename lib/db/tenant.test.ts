import { describe, expect, it } from "vitest";
import { scopeArgs } from "./tenant";

describe("scopeArgs", () => {
  it("ANDs the Partner with a caller's filter, so a foreign partnerId finds nothing", () => {
    expect(scopeArgs("findMany", { where: { partnerId: "B" } }, "A")).toEqual({
      where: { AND: [{ partnerId: "B" }, { partnerId: "A" }] },
    });
    expect(scopeArgs("count", undefined, "A")).toEqual({ where: { partnerId: "A" } });
  });

  it("adds the Partner beside a unique lookup", () => {
    expect(scopeArgs("findUnique", { where: { id: "1" } }, "A")).toEqual({ where: { id: "1", partnerId: "A" } });
    expect(scopeArgs("delete", { where: { id: "1", partnerId: "B" } }, "A")).toEqual({
      where: { id: "1", partnerId: "B", AND: [{ partnerId: "A" }] },
    });
  });

  it("sets the Partner on everything created", () => {
    expect(scopeArgs("create", { data: { role: "FULL", partnerId: "B" } }, "A")).toEqual({
      data: { role: "FULL", partnerId: "A" },
    });
    expect(scopeArgs("createMany", { data: [{ x: 1 }, { x: 2 }] }, "A")).toEqual({
      data: [
        { x: 1, partnerId: "A" },
        { x: 2, partnerId: "A" },
      ],
    });
  });

  it("refuses to move a row to another Partner", () => {
    expect(() => scopeArgs("update", { where: { id: "1" }, data: { partnerId: "B" } }, "A")).toThrow(/another Partner/);
    expect(() => scopeArgs("updateMany", { where: {}, data: { partner: { connect: { id: "B" } } } }, "A")).toThrow(
      /another Partner/,
    );
  });
});
