import type { AppProps } from "next/app";
import "@/app/globals.css";

/** The Pages Router serves only the landing (pages/index.tsx); it shares the App Router's styles. */
export default function LandingApp({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
