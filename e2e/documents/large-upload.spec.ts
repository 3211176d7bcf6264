import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { registerPartnerViaApi } from "../fixtures/partners";

/**
 * Through the real server: a file past Next.js's 10 MB proxy body limit uploads whole (the upload
 * routes stream, outside the proxy) and downloads byte for byte.
 */
test("a 12 MB file uploads through the API and comes back byte for byte", async ({ playwright, baseURL }) => {
  const setup = await playwright.request.newContext({ baseURL });
  const partner = await registerPartnerViaApi(setup, "Large");
  const bytes = Buffer.alloc(12 * 1024 * 1024, "Строка реестра;1500\n");
  const auth = { authorization: `Bearer ${partner.token}` };
  const uploaded = await setup.post("/api/v1/documents", {
    headers: auth,
    multipart: {
      category: "other",
      title: "Большой реестр",
      file: { name: "reestr.csv", mimeType: "text/csv", buffer: bytes },
    },
  });
  expect(uploaded.status(), await uploaded.text()).toBe(201);
  const [document] = (
    (await uploaded.json()) as { documents: { id: string; version: { size: number; sha256: string } }[] }
  ).documents;
  expect(document!.version.size).toBe(bytes.length);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  expect(document!.version.sha256).toBe(sha256);
  const downloaded = await setup.get(`/api/v1/documents/${document!.id}/download`, { headers: auth });
  expect(downloaded.status()).toBe(200);
  expect(
    createHash("sha256")
      .update(await downloaded.body())
      .digest("hex"),
  ).toBe(sha256);
  await setup.dispose();
});
