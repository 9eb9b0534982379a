/** A licence's conditions, as the Korea Open Government Licence (공공누리) and Creative Commons name them. */
export type LicenceCondition = 'BY' | 'NC' | 'ND' | 'SA';

export interface LicenceInfo {
  family: 'KOGL' | 'CC' | 'CC0' | 'ODC' | 'OTHER';
  /** KOGL type 1–4; absent for other families. */
  type?: 1 | 2 | 3 | 4;
  conditions: LicenceCondition[];
  /** The code as it should read, e.g. "CC BY 4.0". */
  name: string;
}

const KOGL_CONDITIONS: Record<1 | 2 | 3 | 4, LicenceCondition[]> = {
  1: ['BY'],
  2: ['BY', 'NC'],
  3: ['BY', 'ND'],
  4: ['BY', 'NC', 'ND'],
};

/**
 * Reads a data connection's licence (free text: an SPDX id or a name) into
 * what a mark shows. Knows 공공누리 제1–4유형 ("KOGL-Type1", "KOGL 1",
 * "공공누리 제1유형"), Creative Commons (CC0, CC-BY[-NC][-ND|-SA]-x.y) and the
 * Open Data Commons licences; anything else is shown as written.
 */
export function readLicence(code: string): LicenceInfo {
  const raw = code.trim();
  const kogl = /^(?:KOGL|공공누리)[\s_-]*(?:Type|제)?\s*([1-4])\s*(?:유형)?$/i.exec(raw);
  if (kogl) {
    const type = Number(kogl[1]) as 1 | 2 | 3 | 4;
    return { family: 'KOGL', type, conditions: KOGL_CONDITIONS[type], name: `KOGL Type ${type}` };
  }
  if (/^CC0([\s-]*1\.0)?$/i.test(raw)) return { family: 'CC0', conditions: [], name: 'CC0 1.0' };
  const cc = /^CC[\s-]+(BY(?:[\s-]+(?:NC|ND|SA))*)(?:[\s-]+(\d\.\d))?$/i.exec(raw);
  if (cc) {
    const parts = cc[1]!.toUpperCase().split(/[\s-]+/) as LicenceCondition[];
    return { family: 'CC', conditions: parts, name: `CC ${parts.join('-')}${cc[2] ? ` ${cc[2]}` : ''}` };
  }
  if (/^(ODbL|ODC-By|PDDL)(-1\.0)?$/i.test(raw)) {
    const share = /^ODbL/i.test(raw)
      ? (['BY', 'SA'] as LicenceCondition[])
      : /^ODC-By/i.test(raw)
        ? ['BY' as const]
        : [];
    return { family: 'ODC', conditions: share, name: raw };
  }
  return { family: 'OTHER', conditions: [], name: raw };
}
