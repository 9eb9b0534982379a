import { describe, expect, it } from 'vitest';
import type { CollectionSpec } from '../port.js';
import { readMongoPlan } from './mongo-plan.js';

// Real MongoDB is not available to the test suites (FerretDB stands in, and
// it has no stage tree), so the shapes MongoDB documents are checked here.
const spec: CollectionSpec = {
  name: 'challenges',
  indexes: [
    {
      name: 'byStatusDeadline',
      keys: [
        ['status', 1],
        ['submissionDeadline', 1],
      ],
    },
  ],
};

const ixscan = {
  stage: 'IXSCAN',
  keyPattern: { status: 1, submissionDeadline: 1 },
  indexName: 'byStatusDeadline',
  indexBounds: { status: ['["OPEN", "OPEN"]'], submissionDeadline: ['[MinKey, MaxKey]'] },
};
const collscan = { stage: 'COLLSCAN', filter: { stage: { $eq: 'x' } }, direction: 'forward' };

describe('readMongoPlan', () => {
  it('names the declared index of an IXSCAN and ignores rejected plans', () => {
    const plan = readMongoPlan(
      {
        queryPlanner: {
          winningPlan: { stage: 'LIMIT', inputStage: { stage: 'FETCH', inputStage: ixscan } },
          rejectedPlans: [collscan],
        },
      },
      spec,
    );
    expect(plan).toMatchObject({ indexed: true, index: 'byStatusDeadline' });
    expect(plan.detail).toContain('IXSCAN byStatusDeadline');
  });

  it('reads the slot-based engine (queryPlan) and sharded (shards[].winningPlan) shapes', () => {
    expect(
      readMongoPlan(
        {
          queryPlanner: {
            winningPlan: { queryPlan: { stage: 'FETCH', inputStage: ixscan }, slotBasedPlan: { stages: '…' } },
          },
        },
        spec,
      ).index,
    ).toBe('byStatusDeadline');
    const sharded = {
      queryPlanner: {
        winningPlan: {
          stage: 'SHARD_MERGE',
          shards: [
            { shardName: 'a', winningPlan: { stage: 'FETCH', inputStage: ixscan } },
            { shardName: 'b', winningPlan: collscan },
          ],
        },
      },
    };
    expect(readMongoPlan(sharded, spec)).toMatchObject({ indexed: false, index: null });
  });

  it('reports a COLLSCAN as not indexed, even when its filter has a field named stage', () => {
    const plan = readMongoPlan({ queryPlanner: { winningPlan: { stage: 'SORT', inputStage: collscan } } }, spec);
    expect(plan).toMatchObject({ indexed: false, index: null });
    expect(plan.detail.split('\n')).toHaveLength(2);
  });

  it('maps _id lookups to _id and does not count undeclared indexes', () => {
    expect(readMongoPlan({ queryPlanner: { winningPlan: { stage: 'IDHACK' } } }, spec)).toMatchObject({
      indexed: true,
      index: '_id',
    });
    expect(
      readMongoPlan({ queryPlanner: { winningPlan: { stage: 'EXPRESS_IXSCAN', indexName: '_id_' } } }, spec),
    ).toMatchObject({ indexed: true, index: '_id' });
    expect(readMongoPlan({ queryPlanner: { winningPlan: { ...ixscan, indexName: 'status_1' } } }, spec)).toMatchObject({
      indexed: false,
      index: null,
    });
  });

  it('reads FerretDB 1.x, whose plan is SQLite lines', () => {
    const scan = readMongoPlan(
      {
        queryPlanner: { Plan: ['id=2 parent=0 notused=0 detail=SCAN challenges_3a79338f'] },
        filterPushdown: false,
        sortPushdown: false,
        limitPushdown: false,
      },
      spec,
    );
    expect(scan).toMatchObject({ indexed: false, index: null });
    expect(scan.detail).toBe('SCAN challenges_3a79338f\nfilterPushdown=false sortPushdown=false limitPushdown=false');
    const seek = readMongoPlan(
      {
        queryPlanner: {
          Plan: [
            'id=3 parent=0 notused=0 detail=SEARCH challenges_3a79338f USING INDEX challenges_3a79338f_byStatusDeadline (<expr>=?)',
          ],
        },
      },
      spec,
    );
    expect(seek).toMatchObject({ indexed: true, index: 'byStatusDeadline' });
  });
});
