/** An evaluation criterion, as the criteria table, the results table and the scoring form show it; the weights of a challenge sum to 100. */
export interface Criterion {
  key: string;
  name: string;
  description: string;
  /** Percent. */
  weight: number;
}
