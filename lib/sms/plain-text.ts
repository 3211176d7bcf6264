/**
 * Names typed by users go into SMS texts (invitations). A name must not smuggle in a link, markup,
 * or control characters that reorder or hide text on the recipient's phone (bidi overrides make
 * "moc.live" read as "evil.com"), so only plain words survive.
 */

const LINE_BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
// C0 and C1 controls, DEL, bidi embeddings/overrides/isolates and marks, zero-width characters.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
// Whole tags first (their names are not words of the name), then any stray bracket.
const TAGS = /<[^<>]*>/g;
const MARKUP = /[<>]/g;

/**
 * Whether one whitespace-free word looks like a link: a scheme (with // or a bare dangerous one),
 * "www.", an e-mail address, a dotted host name (letters after a dot) or a defanged "[.]".
 * Checked word by word, so the cost stays linear in the length of the name.
 */
function isLinkLike(word: string): boolean {
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(word) ||
    /^(?:javascript|vbscript|data|file|tel|sms|mailto|intent):/i.test(word) ||
    /www\./i.test(word) ||
    word.includes("@") ||
    word.includes("[.]") ||
    /[\p{L}\p{N}-]\.\p{L}{2}/u.test(word)
  );
}

export function plainName(value: string, maxLength = 80): string {
  const words = value
    .slice(0, 1_000)
    .normalize("NFKC")
    .replace(LINE_BREAKS, " ")
    .replace(INVISIBLE, "")
    .replace(TAGS, " ")
    .replace(MARKUP, "")
    .split(/\s+/)
    .filter((word) => word && !isLinkLike(word));
  return words.join(" ").slice(0, maxLength).trim();
}

/** Every link-like word of a text, for checking that an SMS carries only the app's own address. */
export function linksIn(text: string): string[] {
  return text.split(/\s+/).filter((word) => word && isLinkLike(word));
}
