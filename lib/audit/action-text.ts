import { messagesFor } from "@/lib/i18n/messages";

/**
 * The plain-words text of an audit action ("auth.login" → audit.actions.auth.login in the
 * catalogs, where the dot is a level of nesting). Unknown names stay as they are.
 */
export function auditActionText(locale: string, action: string): string {
  const [group, name] = action.split(".", 2);
  const groups = messagesFor(locale).audit.actions as Record<string, Record<string, string> | undefined>;
  return (group && name && groups[group]?.[name]) || action;
}
