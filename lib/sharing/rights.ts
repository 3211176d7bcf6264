/** What a share grant lets its counterparty do with its documents (DOC-4). Import-free for client components. */
export const SHARE_RIGHTS = ["view", "comment", "approve", "sign"] as const;
export type ShareRight = (typeof SHARE_RIGHTS)[number];

/** A share lasts this many days unless the Partner chooses otherwise. */
export const DEFAULT_SHARE_DAYS = 14;
/** The longest a share may be given for. */
export const MAX_SHARE_DAYS = 366;
/** Watermarking needs the whole PDF in memory: larger files are served unstamped only if the share allows it, else refused. */
export const WATERMARK_MAX_BYTES = 25 * 1024 * 1024;
/** Longest comment. */
export const COMMENT_MAX = 4000;
