import { describe, expect, it } from "vitest";
import { messagesFor } from "./messages";

const ru = messagesFor("ru");
const kk = messagesFor("kk");
const en = messagesFor("en");

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function leaves(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (v: unknown, p: string) => {
    if (typeof v === "string") out[p] = v;
    else if (v && typeof v === "object") for (const [k, c] of Object.entries(v)) walk(c, p ? `${p}.${k}` : k);
  };
  walk(value, "");
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();

describe("message catalogs", () => {
  it("have the same keys in ru, kk and en", () => {
    expect(keys(kk)).toEqual(keys(ru));
    expect(keys(en)).toEqual(keys(ru));
  });

  it("keep every placeholder of the Russian text", () => {
    const base = leaves(ru);
    for (const catalog of [leaves(kk), leaves(en)]) {
      for (const [key, text] of Object.entries(base)) {
        expect(placeholders(catalog[key]!), key).toEqual(expect.arrayContaining([...new Set(placeholders(text))]));
      }
    }
  });

  it("are really translated: Kazakh uses Kazakh letters, English no Cyrillic", () => {
    const kkTexts = Object.values(leaves(kk)).join(" ");
    expect(kkTexts).toMatch(/[әғқңөұүһі]/i);
    const enLeaves = leaves(en);
    const cyrillic = Object.entries(enLeaves).filter(
      ([key, text]) => !key.startsWith("locales.") && /[а-яё]/i.test(text),
    );
    expect(cyrillic).toEqual([]);
  });
});
