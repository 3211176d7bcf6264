import { describe, expect, it } from "vitest";
import { PAGE_SIZE, decodeKeyset, encodeKeyset, pageOf } from "./pagination";

describe("keyset cursors", () => {
  it("round-trips a sort key and refuses anything else", () => {
    expect(decodeKeyset(encodeKeyset(["ТОО «А»", "id-1"]), 2)).toEqual(["ТОО «А»", "id-1"]);
    expect(decodeKeyset(encodeKeyset(["a"]), 2)).toBeNull();
    expect(decodeKeyset("not-a-cursor", 2)).toBeNull();
    expect(decodeKeyset(Buffer.from("[1,2]").toString("base64url"), 2)).toBeNull();
    expect(decodeKeyset(undefined, 2)).toBeNull();
  });

  it("cuts a page and points past its last row only when more rows exist", () => {
    const rows = Array.from({ length: PAGE_SIZE + 1 }, (_, i) => ({ id: String(i) }));
    const page = pageOf(rows, (r) => [r.id]);
    expect(page.items).toHaveLength(PAGE_SIZE);
    expect(decodeKeyset(page.nextCursor ?? undefined, 1)).toEqual([String(PAGE_SIZE - 1)]);
    expect(pageOf(rows.slice(0, 3), (r) => [r.id]).nextCursor).toBeNull();
  });
});
