/** A document's default title: its file name without the extension, or the name itself. */
export function titleFromFileName(name: string): string {
  const dot = name.lastIndexOf(".");
  const base = (dot > 0 ? name.slice(0, dot) : name).trim();
  return (base || name).slice(0, 200);
}
