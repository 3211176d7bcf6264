import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { createStorage, localStorageDir, newObjectKey } from "./index";
import { assertObjectKey } from "./keys";
import { LocalObjectStore } from "./local";
import { S3ObjectStore } from "./s3";

// The SDK warns once per process that its 2027 releases will need Node 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const secrets = { NEXTAUTH_SECRET: "x".repeat(32), OTP_HASH_KEY: "y".repeat(32) };

describe("newObjectKey", () => {
  const partnerId = "0f8c2a3e-5b6d-4e7f-8a9b-0c1d2e3f4a5b";

  it("files a document under its Partner and the month, with a random name", () => {
    const key = newObjectKey(partnerId, new Date("2026-03-31T23:30:00Z"));
    expect(key).toMatch(
      /^documents\/0f8c2a3e-5b6d-4e7f-8a9b-0c1d2e3f4a5b\/2026\/03\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(() => assertObjectKey(key)).not.toThrow();
    expect(newObjectKey(partnerId)).not.toBe(newObjectKey(partnerId));
  });

  it("refuses a Partner id that could leave the Partner's folder", () => {
    for (const bad of ["", "../other", "a/b", "A-B", "x".repeat(65)]) expect(() => newObjectKey(bad)).toThrow();
  });
});

describe("createStorage", () => {
  it("keeps files in <data folder>/files unless STORAGE_DIR says otherwise", () => {
    expect(localStorageDir({ STORAGE_DIR: undefined }, { PARTNER_CABINET_DATA_DIR: "/srv/pc" })).toBe("/srv/pc/files");
    expect(localStorageDir({ STORAGE_DIR: undefined }, {})).toBe(path.resolve(".data", "files"));
    expect(localStorageDir({ STORAGE_DIR: "/mnt/documents" }, {})).toBe("/mnt/documents");
    const store = createStorage(parseEnv({ ...secrets, STORAGE_DIR: "/mnt/documents" }));
    expect(store).toBeInstanceOf(LocalObjectStore);
    expect((store as LocalObjectStore).root).toBe("/mnt/documents");
  });

  it("builds the S3 driver from the S3 settings", async () => {
    const store = createStorage(
      parseEnv({
        ...secrets,
        STORAGE_DRIVER: "s3",
        S3_BUCKET: "documents",
        S3_ENDPOINT: "https://s3.example.kz",
        S3_REGION: "kz-ast-1",
        S3_ACCESS_KEY_ID: "id",
        S3_SECRET_ACCESS_KEY: "secret",
        S3_FORCE_PATH_STYLE: "1",
      }),
    );
    expect(store).toBeInstanceOf(S3ObjectStore);
    const client = (store as S3ObjectStore).client;
    expect(await client.config.region()).toBe("kz-ast-1");
    expect(client.config.forcePathStyle).toBe(true);
    expect(await client.config.credentials()).toMatchObject({ accessKeyId: "id", secretAccessKey: "secret" });
  });
});
