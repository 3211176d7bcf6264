import pg from "pg";
import { LIMITS } from "@/lib/auth/limits";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { PG_CHANNEL } from "./kinds";

type Listener = () => void;

/**
 * One LISTEN connection per app instance, shared by every open stream of that instance.
 * `notify()` sends `pg_notify('notifications', personId)` in the change's transaction, so
 * PostgreSQL delivers it to every instance's hub once the change commits. After a lost
 * connection the hub reconnects and wakes every listener, so a stream re-reads what it missed.
 */
export class LiveHub {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(private readonly url: string) {}

  /** Calls `listener` whenever something new is there for the person; returns the way to stop. */
  subscribe(personId: string, listener: Listener): () => void {
    let set = this.listeners.get(personId);
    if (!set) this.listeners.set(personId, (set = new Set()));
    set.add(listener);
    void this.ensureConnected();
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(personId);
    };
  }

  /** Resolves once LISTEN is in place (tests wait for it; streams need not). */
  ready(): Promise<void> {
    return this.ensureConnected();
  }

  get streams(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private emit(personId: string): void {
    for (const listener of this.listeners.get(personId) ?? []) listener();
  }

  private wakeAll(): void {
    for (const personId of this.listeners.keys()) this.emit(personId);
  }

  private ensureConnected(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, keepAlive: true });
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      if (error) console.error("[notifications] LISTEN connection lost", error.message);
      void client.end().catch(() => undefined);
      this.retryLater();
    };
    client.on("notification", (message) => {
      if (message.channel === PG_CHANNEL && message.payload) this.emit(message.payload);
    });
    client.on("error", lost);
    client.on("end", () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${PG_CHANNEL}`);
    } catch (error) {
      console.error("[notifications] cannot LISTEN", error instanceof Error ? error.message : error);
      await client.end().catch(() => undefined);
      this.retryLater();
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    // Anything sent while no connection listened is read again by the streams.
    this.wakeAll();
  }

  private retryLater(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.listeners.size > 0) void this.ensureConnected();
    }, 2_000);
    this.retryTimer.unref();
  }
}

/**
 * How this instance learns of new notifications. PGlite serves every socket connection from one
 * session and hands a NOTIFY to the connection that committed it, not to the listener's, so on the
 * embedded database the streams poll instead (every POLL_MS); on a PostgreSQL server they LISTEN.
 */
export function liveMode(): "listen" | "poll" {
  return process.env.DB_EMBEDDED === "1" ? "poll" : "listen";
}

export const POLL_MS = Number(process.env.NOTIFICATIONS_POLL_MS ?? 20_000);
export const HEARTBEAT_MS = 25_000;

const globalForHub = globalThis as unknown as { notificationHub?: LiveHub };

/** The hub of this process, on the app's database (null on the embedded one: see liveMode). */
export function liveHub(): LiveHub | null {
  const url = process.env.DATABASE_URL;
  if (liveMode() !== "listen" || !url) return null;
  globalForHub.notificationHub ??= new LiveHub(url);
  return globalForHub.notificationHub;
}

/**
 * Whether a stream's session still holds, checked on every heartbeat without touching it: an open
 * tab is not activity, so the idle limit still ends the session (and the stream with it).
 */
export async function streamSessionAlive(sessionId: string): Promise<boolean> {
  const row = await getDb().session.findUnique({
    where: { id: sessionId },
    select: {
      revokedAt: true,
      expiresAt: true,
      lastSeenAt: true,
      person: { select: { block: { select: { createdAt: true } } } },
    },
  });
  const at = now().getTime();
  return Boolean(
    row &&
    !row.revokedAt &&
    !row.person?.block &&
    row.expiresAt.getTime() > at &&
    at - row.lastSeenAt.getTime() < LIMITS.sessionIdleMs,
  );
}
