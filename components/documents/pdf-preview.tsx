"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Document, Page, pdfjs } from "react-pdf";
import "react-pdf/dist/Page/TextLayer.css";
import { Button } from "@/components/ui/button";

// The worker is bundled as a file of the app and loaded from the same origin (CSP `worker-src 'self'`).
pdfjs.GlobalWorkerOptions.workerSrc = new URL("pdfjs-dist/build/pdf.worker.min.mjs", import.meta.url).toString();

// Stable across renders: react-pdf reloads the document when the options object changes.
const OPTIONS = {
  // The page's CSP has no 'unsafe-eval'; without this pdf.js probes eval and the browser reports it.
  isEvalSupported: false,
};

/** A page never grows wider than this, however wide the container: A4 stays readable on a desktop. */
const MAX_WIDTH = 960;

/**
 * One page of a PDF at a time, as wide as its container, with previous / next. Loaded only on the
 * client, through `preview.tsx`. Links inside the document are not rendered (no annotation layer):
 * a document from a counterparty should not open addresses from the cabinet.
 */
export default function PdfPreview({ src, title }: { src: string; title: string }) {
  const t = useTranslations("documents.preview");
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number>();
  const [pages, setPages] = useState(0);
  const [page, setPage] = useState(1);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      // Less the page's 1px border on each side, so the border stays inside the box.
      if (entry) setWidth(Math.min(MAX_WIDTH, Math.floor(entry.contentRect.width) - 2));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return (
    <figure className="space-y-3" aria-label={title}>
      <div ref={box} className="w-full overflow-hidden">
        <Document
          file={src}
          options={OPTIONS}
          onLoadSuccess={(document) => {
            setPages(document.numPages);
            setPage(1);
          }}
          loading={<Notice>{t("loading")}</Notice>}
          error={<Notice tone="error">{t("error")}</Notice>}
          className="flex justify-center"
        >
          {width && width > 0 ? (
            <Page
              pageNumber={page}
              width={width}
              renderAnnotationLayer={false}
              loading={<Notice>{t("pageLoading")}</Notice>}
              error={<Notice tone="error">{t("error")}</Notice>}
              className="border border-line bg-white shadow-sm"
            />
          ) : null}
        </Document>
      </div>
      {pages > 1 ? (
        <nav aria-label={t("pages")} className="flex items-center justify-center gap-3">
          <Button
            type="button"
            variant="secondary"
            onClick={() => setPage((current) => Math.max(1, current - 1))}
            disabled={page <= 1}
            aria-label={t("previous")}
          >
            <ChevronLeft aria-hidden className="size-5" />
          </Button>
          <p aria-live="polite" className="min-w-32 text-center text-sm tabular-nums">
            {t("pageOf", { page, pages })}
          </p>
          <Button
            type="button"
            variant="secondary"
            onClick={() => setPage((current) => Math.min(pages, current + 1))}
            disabled={page >= pages}
            aria-label={t("next")}
          >
            <ChevronRight aria-hidden className="size-5" />
          </Button>
        </nav>
      ) : null}
    </figure>
  );
}

function Notice({ children, tone }: { children: string; tone?: "error" }) {
  return (
    <p
      role={tone === "error" ? "alert" : "status"}
      className={
        tone === "error" ? "py-8 text-center text-sm font-medium text-danger" : "py-8 text-center text-sm text-muted"
      }
    >
      {children}
    </p>
  );
}
