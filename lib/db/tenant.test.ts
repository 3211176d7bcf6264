import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { scopeArgs, scopePartnerArgs } from "./tenant";

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

describe("scopeArgs over a set of Partners (staff, counterparties)", () => {
  it("ANDs the set into filters and unique lookups", () => {
    expect(scopeArgs("findMany", { where: { role: "FULL" } }, ["A", "B"])).toEqual({
      where: { AND: [{ role: "FULL" }, { partnerId: { in: ["A", "B"] } }] },
    });
    expect(scopeArgs("findUnique", { where: { id: "1" } }, ["A"])).toEqual({
      where: { id: "1", AND: [{ partnerId: { in: ["A"] } }] },
    });
  });

  it("creates only in a Partner of the set, else not found", () => {
    expect(scopeArgs("create", { data: { partnerId: "B", x: 1 } }, ["A", "B"])).toEqual({
      data: { partnerId: "B", x: 1 },
    });
    expect(() => scopeArgs("create", { data: { partnerId: "C" } }, ["A", "B"])).toThrow(AppError);
    expect(() => scopeArgs("create", { data: { x: 1 } }, [])).toThrow(AppError);
  });

  it("confines the Partner rows themselves and refuses to create one", () => {
    expect(scopePartnerArgs("findMany", { where: { name: "x" } }, ["A"])).toEqual({
      where: { AND: [{ name: "x" }, { id: { in: ["A"] } }] },
    });
    expect(scopePartnerArgs("findUnique", { where: { id: "B" } }, "A")).toEqual({
      where: { id: "B", AND: [{ id: "A" }] },
    });
    expect(() => scopePartnerArgs("create", { data: {} }, "A")).toThrow(/cannot create/);
  });
});
