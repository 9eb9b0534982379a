/** Versions a new project starts with; set when the scaffolder is built (see scripts/template-versions.mjs). */
export interface TemplateVersions {
  '@maru/sdk': string;
  zod: string;
  '@maru/testing': string;
  '@maru/cli': string;
  '@types/node': string;
  typescript: string;
  vitest: string;
  /** The plugin API range the sample plugin is built for, e.g. `^2.0.0`. */
  pluginApi: string;
}

declare const __TEMPLATE_VERSIONS__: TemplateVersions;

export const TEMPLATE_VERSIONS: TemplateVersions = __TEMPLATE_VERSIONS__;
