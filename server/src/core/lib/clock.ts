/** Services take a clock so tests can stand at any instant (CONVENTIONS 7). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
