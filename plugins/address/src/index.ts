/**
 * @packageDocumentation
 * `@maru/plugin-address` — road-name address search and postcode lookup over
 * a sample dataset shipped in the package (`data/addresses.json`, an asset).
 */
import { definePlugin, defineService } from '@maru/sdk';
import { byPostcode } from './by-postcode.js';
import { DATASET } from './load-addresses.js';
import { search } from './search.js';

export { Address } from './address.js';
export { addressErrors } from './errors.js';

export default definePlugin({
  name: '@maru/plugin-address',
  version: '0.1.0',
  publisher: 'Maru',
  compatibility: '^2.0.0',
  // The dataset, read with ctx.assets: the hub reads it from the signed package when it loads the plugin.
  assets: [DATASET],
  services: [
    defineService({
      key: 'address-lookup',
      name: 'Address lookup',
      description:
        'Search Korean road-name addresses in Korean or English and list the addresses of a postcode. Answers from a bundled sample dataset.',
      i18n: {
        ko: {
          name: '주소 검색',
          description:
            '도로명주소를 한국어나 영어로 검색하고, 우편번호에 속한 주소를 찾습니다. 함께 제공되는 표본 데이터로 답합니다.',
          operations: {
            search:
              '도로명, 건물번호, 건물명, 자치구, 우편번호 등 주소의 일부로 도로명주소를 찾습니다. 한국어와 영어 모두 되며 대소문자를 가리지 않습니다. 정확히 일치하거나 앞부분이 일치하는 주소가 먼저 나옵니다.',
            byPostcode:
              '다섯 자리 우편번호에 속한 주소를 주소 순서대로 모두 보여 줍니다. 해당 주소가 없으면 ADDRESS_NOT_FOUND 오류로 답합니다.',
          },
        },
        en: {
          name: 'Address lookup',
          description:
            'Search Korean road-name addresses in Korean or English and list the addresses of a postcode. Answers from a bundled sample dataset.',
        },
      },
      category: 'address',
      operations: { search, byPostcode },
    }),
  ],
});
