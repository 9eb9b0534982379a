import { builder } from '../graphql/builder.js';
import { ServiceRef } from '../catalogue/index.js';
import { ChallengeRef } from '../challenges/index.js';
import { DataConnectionRef } from './connection-schema.js';

// Challenges and services name the data they bear on; the catalogue entries are resolved here, beside the data module.
builder.objectFields(ChallengeRef, (t) => ({
  dataConnections: t.field({
    type: [DataConnectionRef],
    description: 'The datasets this challenge bears on (their metadata; records follow their classification).',
    resolve: async (c, _a, ctx) =>
      (await Promise.all(c.dataConnectionIds.map((id) => ctx.loaders.byId(ctx.services.data.connections, id)))).filter(
        (d) => d !== null,
      ),
  }),
}));

builder.objectFields(ServiceRef, (t) => ({
  dataConnections: t.field({
    type: [DataConnectionRef],
    description: 'Datasets this service uses, as their owners declared.',
    resolve: (s, _a, ctx) => ctx.services.data.connections.usedByService(s._id),
  }),
}));
