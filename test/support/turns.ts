/** Event-loop turns while `work` runs (a setImmediate chain counts them), and what it gave. */
export async function turnsDuring<T>(work: () => Promise<T>): Promise<{ turns: number; result: T }> {
  let turns = 0;
  let ticking = true;
  const tick = () => {
    turns++;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  const before = turns;
  try {
    const result = await work();
    return { turns: turns - before, result };
  } finally {
    ticking = false;
  }
}
