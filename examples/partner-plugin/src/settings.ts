import { z, type PluginContext } from '@maru/sdk';

/** What an operator may set when enabling the plugin (`setPluginConfig`). */
export const settingsSchema = z.object({
  /** Base address of Acme's registry API; the host must be one the manifest lists. */
  apiUrl: z.url().default('https://bizreg.acme.example'),
  /** How long a live answer is reused from `ctx.kv`; 0 turns caching off. */
  cacheMinutes: z.number().int().min(0).max(1440).default(60),
});

export type Settings = z.output<typeof settingsSchema>;

/** The operator's settings with defaults filled in; `ctx.config` is `undefined` when none were set. */
export function settingsOf(ctx: PluginContext): Settings {
  return settingsSchema.parse(ctx.config ?? {});
}
