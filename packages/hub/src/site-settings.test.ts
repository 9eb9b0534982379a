import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { DEMO_OPERATOR, loadSite } from './site-settings.js';

const cwd = mkdtempSync(join(tmpdir(), 'maru-site-'));

describe('site settings', () => {
  it('read the operator and the policy pages an operator configured, titled by their first heading', () => {
    const dir = join(cwd, 'policies');
    mkdirSync(join(dir, 'ko'), { recursive: true });
    writeFileSync(join(dir, 'ko', 'privacy.md'), '# 개인정보처리방침\n\n## 1. 항목\n\n- 이름\n');
    writeFileSync(join(dir, 'ko', 'notes.md'), '# 무시되는 파일\n');
    const config = loadConfig(
      {
        MARU_OPERATOR_NAME: '행정안전부',
        MARU_OPERATOR_NAME_EN: 'Ministry of the Interior and Safety',
        MARU_OPERATOR_ADDRESS: '세종특별자치시 도움6로 42',
        MARU_OPERATOR_CONTACT: '02-2100-3000',
        MARU_POLICIES_DIR: 'policies',
        MARU_SITE_PHASE: 'beta',
      },
      [],
      cwd,
    );
    expect(loadSite(config)).toEqual({
      phase: 'beta',
      operator: {
        name: { ko: '행정안전부', en: 'Ministry of the Interior and Safety' },
        address: { ko: '세종특별자치시 도움6로 42', en: null },
        contact: '02-2100-3000',
        url: null,
      },
      policies: [{ kind: 'privacy', language: 'ko', title: '개인정보처리방침', body: '## 1. 항목\n\n- 이름' }],
    });
  });

  it('give a demo hub its demo operator, its four pages in both languages and the demo phase', () => {
    const site = loadSite(loadConfig({}, ['--demo'], cwd));
    expect(site.phase).toBe('demo');
    expect(site.operator).toEqual(DEMO_OPERATOR);
    expect(site.policies.map((page) => `${page.language}/${page.kind}`).sort()).toEqual(
      ['accessibility', 'copyright', 'privacy', 'terms'].flatMap((kind) => [`en/${kind}`, `ko/${kind}`]).sort(),
    );
    // Outside demo mode nothing is made up.
    expect(loadSite(loadConfig({}, [], cwd))).toEqual({ phase: 'live', operator: null, policies: [] });
  });

  it('refuse settings that cannot be used, naming them', () => {
    expect(() => loadConfig({ MARU_OPERATOR_CONTACT: '02-2100-3000' }, [], cwd)).toThrow(
      /MARU_OPERATOR_NAME is not set/,
    );
    expect(() => loadConfig({ MARU_SITE_PHASE: 'alpha' }, [], cwd)).toThrow('MARU_SITE_PHASE must be beta or live');
    expect(() => loadConfig({ MARU_OPERATOR_NAME: 'a', MARU_OPERATOR_URL: 'ftp://x' }, [], cwd)).toThrow(
      /MARU_OPERATOR_URL must be an http\(s\) address/,
    );
    expect(() => loadSite(loadConfig({ MARU_POLICIES_DIR: 'missing' }, [], cwd))).toThrow(ConfigError);
    const dir = join(cwd, 'untitled');
    mkdirSync(join(dir, 'en'), { recursive: true });
    writeFileSync(join(dir, 'en', 'terms.md'), 'Terms without a title\n');
    expect(() => loadSite(loadConfig({ MARU_POLICIES_DIR: dir }, [], cwd))).toThrow(
      /terms\.md must start with a "# " heading/,
    );
  });
});
