import { describe, expect, it } from "vitest";
import { previewKind } from "./preview-kind";

describe("previewKind", () => {
  it("shows PDFs as pages and JPEG and PNG as images", () => {
    expect(previewKind("application/pdf")).toBe("pdf");
    expect(previewKind("image/jpeg")).toBe("image");
    expect(previewKind("IMAGE/PNG")).toBe("image");
    expect(previewKind("application/pdf; charset=binary")).toBe("pdf");
  });

  it("shows nothing for other types, HEIC included", () => {
    for (const mime of ["image/heic", "image/svg+xml", "text/plain", "application/msword", ""])
      expect(previewKind(mime)).toBeUndefined();
  });
});
