"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { NOTIFICATION_STREAM_PATH } from "@/lib/notifications/kinds";

/**
 * The header's bell: a link to the notification centre with the unread count, kept live by the
 * server's event stream (one EventSource per tab). On the centre itself a change refreshes the list.
 */
export function NotificationBell({
  initial,
  renderId,
  label,
  unreadLabel,
}: {
  initial: number;
  /** New on every server render, so a fresher count from the server (after marking read) replaces the live one. */
  renderId: string;
  label: string;
  unreadLabel: string;
}) {
  const [count, setCount] = useState(initial);
  const pathname = usePathname();
  const router = useRouter();
  const onCentre = pathname === "/notifications";
  // A server render after a change (marked read) brings a fresher count than the last event.
  const [seen, setSeen] = useState(renderId);
  if (seen !== renderId) {
    setSeen(renderId);
    setCount(initial);
  }

  useEffect(() => {
    const source = new EventSource(NOTIFICATION_STREAM_PATH);
    let first = true;
    source.addEventListener("unread", (event) => {
      const unread = Number((JSON.parse((event as MessageEvent<string>).data) as { unread: number }).unread);
      setCount(unread);
      if (!first && onCentre) router.refresh();
      first = false;
    });
    // The session is over: stop reconnecting; the next navigation goes to login.
    source.addEventListener("end", () => source.close());
    return () => source.close();
  }, [onCentre, router]);

  return (
    <Link
      href="/notifications"
      aria-label={count > 0 ? unreadLabel.replace("#", String(count)) : label}
      data-testid="notification-bell"
      className="relative flex min-h-10 min-w-10 items-center justify-center rounded-lg border border-line hover:bg-surface"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count > 0 ? (
        <span
          data-testid="notification-count"
          className="absolute -top-1.5 -right-1.5 min-w-5 rounded-full bg-danger px-1 text-center text-xs leading-5 font-semibold text-white"
        >
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}
