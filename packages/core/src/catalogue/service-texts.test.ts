import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHub, type TestHub } from '../testing/test-hub.js';

describe('a service in the reader’s language', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await createTestHub();
    // Listed as the plugins module does when a plugin loads.
    await hub.services.catalogue.registerPluginServices('@maru-test/address', [
      {
        key: 'address-lookup',
        name: 'Address lookup',
        description: 'Find road-name addresses.',
        i18n: {
          ko: {
            name: '주소 검색',
            description: '도로명주소를 찾습니다.',
            operations: { find: '주소 하나를 찾습니다.' },
          },
          en: { name: 'Address search' },
        },
        operations: [{ name: 'find', kind: 'query', description: 'Finds one address.' }],
      },
      { key: 'plain', name: 'Plain', description: 'Only one language.', operations: [{ name: 'find', kind: 'query' }] },
    ]);
  });
  afterAll(() => hub.close());

  const read = async (query: string) => (await hub.gql(query, {}, null)).data?.services.nodes;

  it('answers the name and description in the language asked for, falling back to its own texts', async () => {
    expect(
      await read(
        '{ services { nodes { key ko: name(lang: "ko") koText: description(lang: "ko-KR") en: name(lang: "en") enText: description(lang: "en") name description languages } } }',
      ),
    ).toEqual([
      {
        key: 'address-lookup',
        ko: '주소 검색',
        koText: '도로명주소를 찾습니다.',
        en: 'Address search',
        // No English description given: its own.
        enText: 'Find road-name addresses.',
        name: 'Address lookup',
        description: 'Find road-name addresses.',
        languages: ['en', 'ko'],
      },
      {
        key: 'plain',
        ko: 'Plain',
        koText: 'Only one language.',
        en: 'Plain',
        enText: 'Only one language.',
        name: 'Plain',
        description: 'Only one language.',
        languages: [],
      },
    ]);
  });

  it("answers each operation's description in the language asked for, falling back to its own", async () => {
    const [service] = await read(
      '{ services { nodes { operations { ko: description(lang: "ko") en: description(lang: "en") description } } } }',
    );
    expect(service.operations).toEqual([
      { ko: '주소 하나를 찾습니다.', en: 'Finds one address.', description: 'Finds one address.' },
    ]);
  });
});
