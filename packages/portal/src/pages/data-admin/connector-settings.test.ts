import { describe, expect, it } from 'vitest';
import { PENDING_UPLOAD_PATH, connectorInput } from './connector-settings';
import { rowProblems, syncErrorKey } from './sync-words';

describe('connectorInput', () => {
  it('sends each kind only its own settings, trimmed, as the hub’s ConnectorInput', () => {
    expect(connectorInput('UPLOAD', { delimiter: '\\t', url: 'ignored' })).toEqual({
      kind: 'CSV',
      config: { path: PENDING_UPLOAD_PATH, delimiter: '\t' },
    });
    expect(connectorInput('CSV', { path: ' welfare/2026.csv ', encoding: 'euc-kr' })).toEqual({
      kind: 'CSV',
      config: { path: 'welfare/2026.csv', encoding: 'euc-kr' },
    });
    expect(connectorInput('HTTP_JSON', { url: 'https://a.example/x', authHeaderName: 'X-Key' })).toEqual({
      kind: 'HTTP_JSON',
      config: { url: 'https://a.example/x' },
    });
    expect(
      connectorInput('HTTP_JSON', { url: 'https://a.example/x', authHeaderName: 'X-Key', authHeaderSecret: 'K' }),
    ).toEqual({
      kind: 'HTTP_JSON',
      config: { url: 'https://a.example/x', authHeader: { name: 'X-Key', secret: 'K' } },
    });
    expect(connectorInput('MONGODB', { uriSecret: 'DB', database: 'w', collection: 'c', path: 'no' })).toEqual({
      kind: 'MONGODB',
      config: { uriSecret: 'DB', database: 'w', collection: 'c' },
    });
    expect(connectorInput('PLUGIN', { plugin: 'p', connector: 'c', pluginConfig: '{"city":"Seoul"}' })).toEqual({
      kind: 'PLUGIN',
      config: { plugin: 'p', connector: 'c', config: { city: 'Seoul' } },
    });
  });

  it('refuses plugin settings that are not JSON, naming the field', () => {
    expect(() => connectorInput('PLUGIN', { plugin: 'p', connector: 'c', pluginConfig: '{city' })).toThrow(
      'pluginConfig',
    );
  });
});

describe('syncErrorKey', () => {
  it('finds people’s words for the hub’s usual sync failures, and none for others', () => {
    expect(syncErrorKey('CSV file uploads/x.csv not found in the import folder')).toBe(
      'dataAdmin.syncError.fileMissing',
    );
    expect(syncErrorKey('http://127.0.0.1:1/broken answered HTTP 503')).toBe('dataAdmin.syncError.http');
    expect(syncErrorKey('http://10.0.0.5/x is not on a host this hub may reach; ask the operator')).toBe(
      'dataAdmin.syncError.address',
    );
    expect(syncErrorKey('The secret "K" for the X-Key header is not set on this hub')).toBe(
      'dataAdmin.syncError.secret',
    );
    expect(syncErrorKey('http://a.example/x cannot be reached: ECONNREFUSED')).toBe('dataAdmin.syncError.unreachable');
    expect(syncErrorKey('something new')).toBeNull();
    expect(syncErrorKey(null)).toBeNull();
  });
});

describe('rowProblems', () => {
  it('puts the usual reasons a record is refused in people’s words, keeping any other as it is', () => {
    expect(rowProblems('benefit: "notanumber" is not an INTEGER; the key field case_no is empty; odd')).toEqual([
      { key: 'dataAdmin.rowProblem.notType', params: { field: 'benefit', value: '"notanumber"', type: 'INTEGER' } },
      { key: 'dataAdmin.rowProblem.emptyKey', params: { field: 'case_no' } },
      { text: 'odd' },
    ]);
    expect(rowProblems('the row has 5 fields, the header has 4')).toEqual([
      { key: 'dataAdmin.rowProblem.cells', params: { row: '5', header: '4' } },
    ]);
  });
});
