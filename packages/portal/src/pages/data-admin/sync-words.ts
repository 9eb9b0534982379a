import type { MessageKey } from '../../i18n/use-t';

/**
 * Why a sync failed, in people's words, for the hub's usual reasons; null when the reason is not one of them (the
 * page then shows the hub's own text as a technical detail).
 */
export function syncErrorKey(error: string | null | undefined): MessageKey | null {
  if (!error) return null;
  if (/not found in the import folder/i.test(error)) return 'dataAdmin.syncError.fileMissing';
  if (/cannot be opened/i.test(error)) return 'dataAdmin.syncError.fileUnreadable';
  if (/header row/i.test(error)) return 'dataAdmin.syncError.header';
  if (/may not reach|not on a host/i.test(error)) return 'dataAdmin.syncError.address';
  if (/secret/i.test(error)) return 'dataAdmin.syncError.secret';
  if (/timed? ?out|timeout/i.test(error)) return 'dataAdmin.syncError.timeout';
  if (/cannot be reached/i.test(error)) return 'dataAdmin.syncError.unreachable';
  if (/answered HTTP \d{3}/i.test(error)) return 'dataAdmin.syncError.http';
  if (/mongo/i.test(error)) return 'dataAdmin.syncError.mongo';
  if (/plugin/i.test(error)) return 'dataAdmin.syncError.plugin';
  return null;
}
