/**
 * @packageDocumentation
 * `create-maru-plugin` — scaffolds a Maru plugin project. Run it with
 * `npm create maru-plugin@latest my-plugin`; `createPluginProject` does the
 * same from code.
 */
export { createPluginProject } from './create-plugin-project.js';
export { CreateError } from './create-error.js';
export type { CreatedPluginProject, CreatePluginProjectOptions } from './create-plugin-project.js';
