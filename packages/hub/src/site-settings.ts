import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { POLICY_KINDS, SITE_LANGUAGES, type PolicyPage, type SiteOperator, type SiteOptions } from '@maru/core';
import { ConfigError, type HubConfig } from './config.js';

/** The demo's policy pages: `../site-demo/` from `src/` and from the built `dist/` alike. */
export const DEMO_POLICIES_DIR = fileURLToPath(new URL('../site-demo/', import.meta.url));

/** Who runs a demo hub: nobody real, and it says so. */
export const DEMO_OPERATOR: SiteOperator = {
  name: { ko: '마루 시연 운영기관', en: 'Maru demonstration operator' },
  address: { ko: '(시연용 가상 주소) 세종특별자치시 마루로 1', en: '(a made-up demo address) 1 Maru-ro, Sejong' },
  contact: '02-0000-0000 · maru-demo@example.go.kr',
  url: null,
};

const MAX_PAGE_BYTES = 256 * 1024;

/**
 * The site's identity from the settings: the operator, the policy pages read from `policiesDir` (the demo's when a
 * demo hub has none) and the phase. A page that cannot be used stops the start, naming its file.
 */
export function loadSite(config: HubConfig): SiteOptions {
  const dir = config.policiesDir ?? (config.demo ? DEMO_POLICIES_DIR : null);
  if (dir && !(existsSync(dir) && statSync(dir).isDirectory()))
    throw new ConfigError(
      `MARU_POLICIES_DIR "${dir}" is not a folder; make it one with ko/ and en/ inside, or unset it.`,
    );
  return {
    phase: config.demo ? 'demo' : config.sitePhase,
    operator: config.operator ?? (config.demo ? DEMO_OPERATOR : null),
    policies: dir ? readPolicies(dir) : [],
  };
}

/** `<dir>/<language>/<kind>.md` for each language and kind that exists. */
export function readPolicies(dir: string): PolicyPage[] {
  const pages: PolicyPage[] = [];
  for (const language of SITE_LANGUAGES)
    for (const kind of POLICY_KINDS) {
      const file = join(dir, language, `${kind}.md`);
      if (!existsSync(file)) continue;
      if (statSync(file).size > MAX_PAGE_BYTES)
        throw new ConfigError(`${file} is larger than ${MAX_PAGE_BYTES / 1024} KiB; a policy page must be smaller.`);
      pages.push({ kind, language, ...titled(readFileSync(file, 'utf8'), file) });
    }
  return pages;
}

/** The first line `# Title` is the title; the rest is the body. */
function titled(text: string, file: string): { title: string; body: string } {
  const [first = '', ...rest] = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .trimStart()
    .split('\n');
  const heading = /^#\s+(.+?)\s*#*\s*$/.exec(first);
  if (!heading)
    throw new ConfigError(`${file} must start with a "# " heading: the page's title (e.g. "# 개인정보처리방침").`);
  return { title: heading[1]!, body: rest.join('\n').trim() };
}
