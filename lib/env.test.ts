import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const secrets = { NEXTAUTH_SECRET: "s".repeat(32), OTP_HASH_KEY: "k".repeat(32) };

describe("TRUSTED_PROXIES", () => {
  it("defaults to no trusted proxy and reads CIDR ranges and single addresses", () => {
    expect(parseEnv(secrets).TRUSTED_PROXIES).toEqual([]);
    expect(parseEnv({ ...secrets, TRUSTED_PROXIES: " 10.0.0.0/8 , ::1" }).TRUSTED_PROXIES).toEqual([
      { address: "10.0.0.0", prefix: 8, family: "ipv4" },
      { address: "::1", prefix: 128, family: "ipv6" },
    ]);
  });

  it("stops the start naming what it cannot read", () => {
    expect(() => parseEnv({ ...secrets, TRUSTED_PROXIES: "10.0.0.0/8, proxy.local" })).toThrow(
      /TRUSTED_PROXIES.*proxy\.local/,
    );
  });
});
