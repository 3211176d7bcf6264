import type { ResolvedSession } from "@/lib/auth/session";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { HEARTBEAT_MS, POLL_MS, streamSessionAlive, type LiveHub } from "./live";
import { unreadCountLoader } from "./queries";

export interface StreamOptions {
  session: ResolvedSession;
  meta?: RequestMeta;
  /** The instance's LISTEN hub; null polls instead (the embedded database). */
  hub: LiveHub | null;
  pollMs?: number;
  heartbeatMs?: number;
  signal?: AbortSignal;
}

/**
 * The bell's Server-Sent Events: `unread` with the person's unread count at once and whenever it
 * changes (woken by the hub, or polled), a comment line as heartbeat, and `end` when the session is
 * over (logout, revoked, idle, blocked), after which the stream closes. Each read of the count goes
 * through the read path like any page.
 */
export function notificationStream(options: StreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const personId = options.session.person?.id;
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let last = -1;
      let busy = false;
      let again = false;
      const timers: NodeJS.Timeout[] = [];
      let unsubscribe = () => {};
      const send = (chunk: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          stop();
        }
      };
      stop = () => {
        if (closed) return;
        closed = true;
        timers.forEach(clearInterval);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      };
      const end = () => {
        send("event: end\ndata: {}\n\n");
        stop();
      };
      const refresh = async (): Promise<void> => {
        if (closed) return;
        if (busy) {
          again = true;
          return;
        }
        busy = true;
        try {
          if (!(await streamSessionAlive(options.session.sessionId))) return end();
          const result = await unreadCountLoader.run({}, { session: options.session, meta: options.meta });
          if (!result.ok) return end();
          if (result.data !== last) {
            last = result.data;
            send(`event: unread\ndata: ${JSON.stringify({ unread: result.data })}\n\n`);
          }
        } catch (error) {
          console.error("[notifications] stream refresh failed", error instanceof Error ? error.message : error);
        } finally {
          busy = false;
        }
        if (again) {
          again = false;
          await refresh();
        }
      };
      if (!personId) return end();
      send("retry: 5000\n\n");
      options.signal?.addEventListener("abort", stop, { once: true });
      if (options.hub) unsubscribe = options.hub.subscribe(personId, () => void refresh());
      else timers.push(setInterval(() => void refresh(), options.pollMs ?? POLL_MS));
      timers.push(
        setInterval(() => {
          send(": heartbeat\n\n");
          void streamSessionAlive(options.session.sessionId).then(
            (alive) => (alive ? undefined : end()),
            () => {},
          );
        }, options.heartbeatMs ?? HEARTBEAT_MS),
      );
      void refresh();
    },
    cancel() {
      stop();
    },
  });
}
