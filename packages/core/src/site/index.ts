/**
 * The site module: the site's own identity — who operates it, its policy pages, its phase — from the hub's
 * settings, for a portal's official banner, identifier, footer and phase banner. It owns no table.
 */
// The module's GraphQL part: importing this index registers it on the builder.
import './site-schema.js';

export { POLICY_KINDS, SITE_LANGUAGES } from './model.js';
export type * from './model.js';
