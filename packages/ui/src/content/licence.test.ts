import { describe, expect, it } from 'vitest';
import { readLicence } from './licence';

describe('readLicence', () => {
  it.each([
    ['KOGL-Type1', 1, ['BY']],
    ['KOGL Type 2', 2, ['BY', 'NC']],
    ['kogl-3', 3, ['BY', 'ND']],
    ['공공누리 제4유형', 4, ['BY', 'NC', 'ND']],
  ])('reads %s as 공공누리 type %i', (code, type, conditions) => {
    expect(readLicence(code)).toMatchObject({ family: 'KOGL', type, conditions });
  });

  it('reads Creative Commons codes and their conditions', () => {
    expect(readLicence('CC-BY-4.0')).toEqual({ family: 'CC', conditions: ['BY'], name: 'CC BY 4.0' });
    expect(readLicence('CC-BY-NC-ND-4.0')).toMatchObject({ conditions: ['BY', 'NC', 'ND'] });
    expect(readLicence('CC0-1.0')).toMatchObject({ family: 'CC0', conditions: [] });
    expect(readLicence('ODbL-1.0')).toMatchObject({ family: 'ODC', conditions: ['BY', 'SA'] });
  });

  it('keeps anything else as written', () => {
    expect(readLicence('기관 내부 이용')).toEqual({ family: 'OTHER', conditions: [], name: '기관 내부 이용' });
    expect(readLicence('KOGL-Type5')).toMatchObject({ family: 'OTHER' });
  });
});
