import { describe, expect, it } from 'vitest';
import { limitInPlainWords } from './use-error-codes.js';

describe("graphql-armor's refusals in plain words", () => {
  it.each([
    ['Syntax Error: Query depth limit of 10 exceeded, found 13.', 'at most 10 levels (it has 13)'],
    ['Syntax Error: Query Cost limit of 5000 exceeded, found 10200.', 'its cost is at most 5000 (it has 10200)'],
    ['Query Cost limit of 5000 exceeded, found 10200.', 'its cost is at most 5000 (it has 10200)'],
    ['Syntax Error: Aliases limit of 15 exceeded, found 16.', 'at most 15 (it has 16)'],
    ['Syntax Error: Directives limit of 20 exceeded, found 21.', 'at most 20 (it has 21)'],
    ['Syntax Error: Token limit of 2000 exceeded.', 'at most 2000 tokens'],
  ])('%s → says which limit, by how much, and what to do', (armor, says) => {
    const plain = limitInPlainWords(armor)!;
    expect(plain).toContain(says);
    expect(plain).not.toMatch(/Syntax Error/);
    expect(plain, 'what to do').toMatch(/\b(Split|split|Remove|Ask|Pass)\b/);
  });

  it('leaves any other message alone', () => {
    expect(limitInPlainWords('Syntax Error: Expected Name, found "}".')).toBeNull();
    expect(limitInPlainWords('Cannot query field "x" on type "Query".')).toBeNull();
  });
});
