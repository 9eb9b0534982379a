import type { PluginContext } from '@maru/sdk';
import type { MessageRecord } from './message.js';

/**
 * The plugin's kv. Messages sent with a test key live under `test:`, apart
 * from live ones. Idempotency keys belong to the sending organization, so two
 * organizations choosing the same key never meet.
 */
export function records(ctx: PluginContext) {
  const prefix = ctx.mode === 'test' ? 'test:' : '';
  const owner = encodeURIComponent(ctx.caller.organizationId ?? 'anonymous');
  return {
    getMessage: (id: string) => ctx.kv.get<MessageRecord>(`${prefix}message:${id}`),
    putMessage: (record: MessageRecord) => ctx.kv.set(`${prefix}message:${record.id}`, record),
    getIdByKey: (key: string) => ctx.kv.get<string>(`${prefix}idempotency:${owner}:${encodeURIComponent(key)}`),
    putIdByKey: (key: string, id: string) => ctx.kv.set(`${prefix}idempotency:${owner}:${encodeURIComponent(key)}`, id),
  };
}
