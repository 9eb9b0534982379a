import { describe, expect, it } from 'vitest';
import { DemoClock } from './demo-clock.js';

describe('DemoClock', () => {
  it('stands at each step of the history while it is seeded, and is the real time before and after', async () => {
    const clock = new DemoClock();
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(1000);
    const seen = await clock.history(async (at, start) => {
      at(-2.5);
      const past = clock.now() - start;
      at(3);
      return [past, clock.now() - start];
    });
    expect(seen).toEqual([-2.5 * 86_400_000, 3 * 86_400_000]);
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(1000);
  });

  it('comes back to the real time when seeding fails', async () => {
    const clock = new DemoClock();
    await expect(
      clock.history(async (at) => {
        at(-30);
        throw new Error('seeding failed');
      }),
    ).rejects.toThrow('seeding failed');
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(1000);
  });
});
