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

/** One reason a record was refused, in people's words when it is one of the usual ones. */
export type RowProblem = { key: MessageKey; params: Record<string, string> } | { text: string };

/** The reasons of a refused record (the hub joins them with "; "), each in people's words when it can be. */
export function rowProblems(reason: string): RowProblem[] {
  return reason.split('; ').map((part): RowProblem => {
    const notType = /^([A-Za-z_][A-Za-z0-9_]*): (.+) is not an? (INTEGER|NUMBER|BOOLEAN|DATE)$/.exec(part);
    if (notType)
      return {
        key: 'dataAdmin.rowProblem.notType',
        params: { field: notType[1]!, value: notType[2]!, type: notType[3]! },
      };
    const cells = /^the row has (\d+) fields, the header has (\d+)$/.exec(part);
    if (cells) return { key: 'dataAdmin.rowProblem.cells', params: { row: cells[1]!, header: cells[2]! } };
    const emptyKey = /^the key field (\S+) is empty$/.exec(part);
    if (emptyKey) return { key: 'dataAdmin.rowProblem.emptyKey', params: { field: emptyKey[1]! } };
    return { text: part };
  });
}
