/** Closing tags that end a line of text: paragraphs, headings, table rows, shared strings. */
const LINE_ENDS = new Set(["w:p", "w:tr", "text:p", "text:h", "table:table-row", "si", "row"]);
/** Tags (closing or empty) that stand for a space between words or cells. */
const SPACES = new Set([
  "w:tab",
  "w:br",
  "w:cr",
  "text:s",
  "text:tab",
  "text:line-break",
  "table:table-cell",
  "w:tc",
  "c",
]);
/** Elements whose text is not document text (field codes, deleted runs, phonetic guides). */
const HIDDEN = new Set(["w:instrText", "w:delText", "rPh"]);

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    }
    return NAMED[name] ?? whole;
  });
}

/**
 * Collects the character data of an XML part fed in chunks, with line breaks at paragraph ends,
 * holding no more than about the text it keeps. `feed` returns false once `maxChars` are in.
 */
export class XmlTextCollector {
  private readonly decoder = new TextDecoder("utf-8");
  private out = "";
  private tag: string | null = null;
  private hidden = 0;

  constructor(private readonly maxChars: number) {}

  feed(chunk: Buffer): boolean {
    const text = this.decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const char = text[i];
      if (this.tag === null) {
        if (char === "<") {
          if (this.hidden === 0) this.out += text.slice(start, i);
          this.tag = "";
        }
      } else if (char === ">") {
        this.closeTag(this.tag);
        this.tag = null;
        start = i + 1;
      } else if (this.tag.length < 64) {
        // Only the name matters; long attribute lists are not kept.
        this.tag += char;
      }
    }
    if (this.tag === null && this.hidden === 0) this.out += text.slice(start);
    // Entities shrink when decoded: keep a margin, cut after decoding.
    return this.out.length < this.maxChars * 1.5;
  }

  private closeTag(raw: string): void {
    if (raw.startsWith("?") || raw.startsWith("!")) return;
    const closing = raw.startsWith("/");
    const empty = raw.endsWith("/");
    const name = (closing ? raw.slice(1) : raw).split(/[\s/]/, 1)[0] ?? "";
    if (HIDDEN.has(name)) {
      if (closing) this.hidden = Math.max(0, this.hidden - 1);
      else if (!empty) this.hidden++;
      return;
    }
    if (closing && LINE_ENDS.has(name)) this.out += "\n";
    else if ((closing || empty) && SPACES.has(name))
      this.out += name === "w:br" || name === "text:line-break" ? "\n" : " ";
  }

  text(): string {
    return decodeEntities(this.out).slice(0, this.maxChars);
  }
}
