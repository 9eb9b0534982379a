import { afterAll, describe, expect, it } from 'vitest';
import { createTestHub } from '../testing/test-hub.js';
import type { SiteOptions } from './model.js';

const site: SiteOptions = {
  phase: 'beta',
  operator: {
    name: { ko: '행정안전부', en: 'Ministry of the Interior and Safety' },
    address: { ko: '세종특별자치시 도움6로 42' },
    contact: '02-2100-3000',
    url: null,
  },
  policies: [
    { kind: 'terms', language: 'ko', title: '이용약관', body: '제1조' },
    { kind: 'privacy', language: 'ko', title: '개인정보처리방침', body: '**수집 항목**' },
    { kind: 'privacy', language: 'en', title: 'Privacy policy', body: '**What we collect**' },
  ],
};

const QUERY = `query ($language: SiteLanguage!) { site(language: $language) {
  phase operator { name address contact url } policies { kind language title }
  privacy: policy(kind: PRIVACY) { language title body } copyright: policy(kind: COPYRIGHT) { title } } }`;

describe('site', () => {
  const hubs: Array<{ close: () => Promise<void> }> = [];
  afterAll(async () => {
    for (const hub of hubs) await hub.close();
  });

  it('tells anyone who operates the site, its policy pages (privacy first) and its phase, in the language asked', async () => {
    const hub = await createTestHub({ features: { site } });
    hubs.push(hub);
    const ko = (await hub.gql(QUERY, { language: 'KO' })).data.site;
    expect(ko).toEqual({
      phase: 'BETA',
      operator: { name: '행정안전부', address: '세종특별자치시 도움6로 42', contact: '02-2100-3000', url: null },
      policies: [
        { kind: 'PRIVACY', language: 'KO', title: '개인정보처리방침' },
        { kind: 'TERMS', language: 'KO', title: '이용약관' },
      ],
      privacy: { language: 'KO', title: '개인정보처리방침', body: '**수집 항목**' },
      copyright: null,
    });
    const en = (await hub.gql(QUERY, { language: 'EN' })).data.site;
    // What exists only in Korean comes in Korean, and says so.
    expect(en.operator).toMatchObject({
      name: 'Ministry of the Interior and Safety',
      address: '세종특별자치시 도움6로 42',
    });
    expect(en.policies).toEqual([
      { kind: 'PRIVACY', language: 'EN', title: 'Privacy policy' },
      { kind: 'TERMS', language: 'KO', title: '이용약관' },
    ]);
  });

  it('says DEMO on a demo hub whatever phase was set, and LIVE with nothing configured', async () => {
    const demo = await createTestHub({ features: { demoLogin: true, site } });
    const bare = await createTestHub();
    hubs.push(demo, bare);
    expect((await demo.gql(`{ site { phase } }`)).data.site.phase).toBe('DEMO');
    expect((await bare.gql(`{ site { phase operator { name } policies { kind } } }`)).data.site).toEqual({
      phase: 'LIVE',
      operator: null,
      policies: [],
    });
  });
});
