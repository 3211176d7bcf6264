import { describe, expect, it } from "vitest";
import { isActionArgumentList, isFormPost } from "./action-body";
import { formAction, nextNonce, stateFormAction } from "./form-action";

describe("form action arguments", () => {
  const echo = stateFormAction<{ nonce: number }, unknown>(async (form, previous) => ({
    keys: [...form.keys()],
    previous,
  }));

  it("hands the body the posted FormData and an object state", async () => {
    const form = new FormData();
    form.set("name", "Иван");
    expect(await echo({ nonce: 3 }, form)).toEqual({ keys: ["name"], previous: { nonce: 3 } });
  });

  it("turns anything else into an empty form and no previous state", async () => {
    for (const [previous, formData] of [
      [undefined, undefined],
      ["x", "name=Иван"],
      [[1], { name: "Иван" }],
      [null, 42],
    ])
      expect(await echo(previous as never, formData as never)).toEqual({ keys: [], previous: undefined });
    expect(await formAction(async (form) => [...form.keys()])("plain" as never)).toEqual([]);
  });

  it("counts answers from any previous state", () => {
    expect(nextNonce({ nonce: 4 })).toBe(5);
    expect(nextNonce(undefined)).toBe(1);
    expect(nextNonce({ nonce: "4" })).toBe(1);
    expect(nextNonce({ nonce: Number.MAX_VALUE })).toBe(1);
  });
});

describe("server-action bodies", () => {
  it("lets form posts and JSON argument lists through, nothing else", () => {
    expect(isFormPost("multipart/form-data; boundary=x")).toBe(true);
    expect(isFormPost("application/x-www-form-urlencoded")).toBe(true);
    expect(isFormPost("text/plain;charset=UTF-8")).toBe(false);
    expect(isActionArgumentList('["kk"]')).toBe(true);
    expect(isActionArgumentList("[]")).toBe(true);
    for (const body of ['"plain"', "plain", '{"a":1}', "", "null", "1"]) expect(isActionArgumentList(body)).toBe(false);
  });
});
