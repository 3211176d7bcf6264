"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { previewKind } from "./preview-kind";

export type PreviewProps = {
  /** Same-origin download URL; fetched with the session cookie. */
  src: string;
  mime: string;
  title: string;
};

function PdfLoading() {
  const t = useTranslations("documents.preview");
  return (
    <p role="status" className="py-8 text-center text-sm text-muted">
      {t("loading")}
    </p>
  );
}

// pdf.js is large and needs the browser: it loads only where a PDF is shown, never on the server.
const PdfPreview = dynamic(() => import("./pdf-preview"), { ssr: false, loading: PdfLoading });

/**
 * The document shown inside the page: a PDF page by page, a JPEG or PNG as an image. Other types
 * render nothing; the page offers their download instead.
 */
export function Preview({ src, mime, title }: PreviewProps) {
  switch (previewKind(mime)) {
    case "pdf":
      return <PdfPreview src={src} title={title} />;
    case "image":
      return (
        // The file comes from our own download route, sized by the browser: next/image adds nothing.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={src} alt={title} className="mx-auto block h-auto max-w-full rounded-lg border border-line bg-white" />
      );
    default:
      return null;
  }
}
