import { describe, expect, it } from 'vitest';
import { callOperation, createTestContext } from '@maru/testing';
import plugin from './index.js';
import { loadAddresses } from './load-addresses.js';
import { search } from './search.js';

// ctx.assets reads the dataset from this package, as the manifest lists it.
const ctx = createTestContext({
  capabilities: [],
  packageDir: new URL('..', import.meta.url),
  assets: plugin.manifest.assets,
});
const find = (query: string, limit?: number) => callOperation(search, { query, ...(limit ? { limit } : {}) }, ctx);

describe('search', () => {
  it('finds an address by its Korean road name and number, the exact match first', async () => {
    const { addresses } = await find('세종대로 209');
    expect(addresses[0]).toMatchObject({
      roadAddress: '서울특별시 종로구 세종대로 209',
      postcode: '03171',
      buildingName: '정부서울청사',
    });
  });

  it('finds the same address in English however it is cased, spaced or hyphenated', async () => {
    for (const query of [
      '209, Sejong-daero',
      'SEJONG-DAERO 209',
      'sejong daero 209',
      'sejongdaero209',
      '209 Sejong-daero, Jongno-gu, Seoul',
    ]) {
      const { addresses } = await find(query);
      expect(addresses[0]?.roadAddressEn, query).toBe('209, Sejong-daero, Jongno-gu, Seoul');
    }
  });

  it('finds Hangul typed in decomposed form (as macOS sends it)', async () => {
    const { addresses } = await find('세종대로 209'.normalize('NFD'));
    expect(addresses[0]?.roadAddress).toBe('서울특별시 종로구 세종대로 209');
  });

  it('finds a building by name in either language', async () => {
    const [sejong] = (await find('정부세종청사')).addresses;
    expect(sejong).toMatchObject({
      sido: '세종특별자치시',
      roadNameEn: 'Dasom-ro',
      buildingNumber: '130',
      roadAddress: '세종특별자치시 다솜로 130',
    });
    expect(sejong).not.toHaveProperty('sigungu');
    expect((await find('government complex daejeon')).addresses[0]).toMatchObject({
      roadAddress: '대전광역시 서구 청사로 189',
    });
  });

  it('ranks names the query begins before addresses that only contain it', async () => {
    const { addresses } = await find('강남', 50);
    const onRoad = addresses.map((a) => a.roadName.startsWith('강남'));
    expect(onRoad[0]).toBe(true);
    // Every 강남대로 address comes before the 강남구 addresses on other roads.
    expect(onRoad.lastIndexOf(true)).toBeLessThan(onRoad.indexOf(false));
    expect(onRoad.includes(false)).toBe(true);
  });

  it('needs every word of the query to match', async () => {
    const { addresses, total } = await find('Jeju Jungang-ro');
    expect(total).toBeGreaterThan(0);
    for (const address of addresses) expect(address).toMatchObject({ sigunguEn: 'Jeju-si', roadNameEn: 'Jungang-ro' });
  });

  it('returns at most `limit` addresses and counts all matches', async () => {
    const inSeoul = (await loadAddresses(ctx)).filter((a) => a.sido === '서울특별시').length;
    const { addresses, total } = await find('Seoul', 5);
    expect(addresses).toHaveLength(5);
    expect(total).toBe(inSeoul);
    expect((await find('Seoul')).addresses).toHaveLength(10);
    expect((await find('서울', 50)).addresses).toHaveLength(50);
  });

  it('answers an empty list, not an error, when nothing matches', async () => {
    expect(await find('Atlantis-ro 1')).toEqual({ total: 0, addresses: [] });
  });

  it('refuses a query that is empty, punctuation only or too long, and a limit outside 1–50', () => {
    for (const bad of [
      {},
      { query: '' },
      { query: '   ' },
      { query: '!!-,' },
      { query: 'x'.repeat(101) },
      { query: 42 },
      { query: '서울', limit: 0 },
      { query: '서울', limit: 51 },
      { query: '서울', limit: 2.5 },
      { query: '서울', limit: '5' },
    ]) {
      expect(search.input.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(search.input.parse({ query: '  판교  ' })).toEqual({ query: '판교', limit: 10 });
  });
});
