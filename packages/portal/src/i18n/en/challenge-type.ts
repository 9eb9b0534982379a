export const challengeType = {
  IDEA: 'Idea',
  PROOF_OF_CONCEPT: 'Proof of concept',
  PROTOTYPE: 'Prototype',
  PRODUCTION_SERVICE: 'Production service',
};
