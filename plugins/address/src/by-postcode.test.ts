import { isPluginError } from '@maru/sdk';
import { describe, expect, it } from 'vitest';
import { byPostcode } from './by-postcode.js';
import { callOperation, createTestContext } from '@maru/testing';
import plugin from './index.js';
import { loadAddresses } from './load-addresses.js';

// ctx.assets reads the dataset from this package, as the manifest lists it.
const ctx = createTestContext({
  capabilities: [],
  packageDir: new URL('..', import.meta.url),
  assets: plugin.manifest.assets,
});

describe('byPostcode', () => {
  it('lists the address of a postcode', async () => {
    const { postcode, addresses } = await callOperation(byPostcode, { postcode: '03171' }, ctx);
    expect(postcode).toBe('03171');
    expect(addresses.map((a) => a.roadAddress)).toEqual(['서울특별시 종로구 세종대로 209']);
  });

  it('lists every address sharing a postcode, in address order', async () => {
    const all = await loadAddresses(ctx);
    const counts = new Map<string, number>();
    for (const a of all) counts.set(a.postcode, (counts.get(a.postcode) ?? 0) + 1);
    const [shared, count] = [...counts].find(([, n]) => n >= 3)!;
    const { addresses } = await callOperation(byPostcode, { postcode: ` ${shared} ` }, ctx);
    expect(addresses).toHaveLength(count);
    expect(addresses.every((a) => a.postcode === shared)).toBe(true);
    const names = addresses.map((a) => a.roadAddress);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'ko', { numeric: true })));
  });

  it('fails with ADDRESS_NOT_FOUND, naming the postcode, when no address has it', async () => {
    const failure = await callOperation(byPostcode, { postcode: '99999' }, ctx).catch((error: unknown) => error);
    expect(isPluginError(failure)).toBe(true);
    expect(failure).toMatchObject({ code: 'ADDRESS_NOT_FOUND', message: expect.stringContaining('99999') });
  });

  it('refuses anything but five digits', () => {
    for (const bad of [
      {},
      { postcode: '3171' },
      { postcode: '031711' },
      { postcode: 'abcde' },
      { postcode: '03-171' },
      { postcode: 3171 },
    ]) {
      expect(byPostcode.input.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
