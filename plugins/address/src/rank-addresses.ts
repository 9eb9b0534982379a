import type { Address } from './address.js';

/** How well an address matches, best first. */
export const MatchTier = { EXACT: 0, PREFIX: 1, WORD_PREFIX: 2, CONTAINS: 3 } as const;

interface Indexed {
  address: Address;
  /** Compacted whole names: the address, road, road + number, building, postcode. */
  names: string[];
  /** Compacted words of every field, also the parts of hyphenated ones (Sejong-daero → sejong, daero). */
  words: string[];
  haystack: string;
}

/**
 * Lower case, NFC (Hangul typed on macOS arrives decomposed) and letters and
 * digits only, so "Sejong-daero 209", "sejongdaero209" and "세종대로209" compare
 * equal to how the dataset spells them.
 */
export function compact(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const wordsOf = (text: string) =>
  text
    .normalize('NFC')
    .toLowerCase()
    .split(/[\s,()]+/)
    .flatMap((word) => [word, ...word.split('-')])
    .map(compact)
    .filter(Boolean);

function indexOne(address: Address): Indexed {
  const { roadName, roadNameEn, buildingNumber: n } = address;
  const names = [
    address.roadAddress,
    address.roadAddressEn,
    roadName,
    roadNameEn,
    `${roadName} ${n}`,
    `${roadNameEn} ${n}`,
    `${n} ${roadNameEn}`,
    address.buildingName,
    address.buildingNameEn,
    address.postcode,
  ]
    .filter((name): name is string => Boolean(name))
    .map(compact);
  const words = [
    address.roadAddress,
    address.roadAddressEn,
    address.buildingName ?? '',
    address.buildingNameEn ?? '',
    address.postcode,
  ].flatMap(wordsOf);
  return { address, names, words, haystack: [...names, ...words].join(' ') };
}

const indexes = new WeakMap<readonly Address[], Indexed[]>();

/**
 * The addresses matching every word of `query` in Korean or English, ranked:
 * exact names first (a whole address, road, road and number, building or
 * postcode), then names the query begins, then addresses where each word of
 * the query begins a word, then the rest. Ties go in address order.
 */
export function rankAddresses(addresses: readonly Address[], query: string): Address[] {
  let index = indexes.get(addresses);
  if (!index) indexes.set(addresses, (index = addresses.map(indexOne)));
  const whole = compact(query);
  const tokens = query
    .split(/[\s,]+/)
    .map(compact)
    .filter(Boolean);
  const tierOf = (entry: Indexed): number => {
    if (entry.names.includes(whole)) return MatchTier.EXACT;
    if (entry.names.some((name) => name.startsWith(whole))) return MatchTier.PREFIX;
    if (tokens.every((token) => entry.words.some((word) => word.startsWith(token)))) return MatchTier.WORD_PREFIX;
    return MatchTier.CONTAINS;
  };
  return index
    .filter((entry) => tokens.length > 0 && tokens.every((token) => entry.haystack.includes(token)))
    .map((entry) => ({ address: entry.address, tier: tierOf(entry) }))
    .sort(
      (a, b) => a.tier - b.tier || a.address.roadAddress.localeCompare(b.address.roadAddress, 'ko', { numeric: true }),
    )
    .map((ranked) => ranked.address);
}
