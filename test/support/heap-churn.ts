/**
 * Preloaded (`--import`) into a server a test starts (with `--expose-gc`): once the server has said its start's
 * last line (the ranking's weights), holds ~170 MB of live objects and makes ~1.5 GB of garbage that outlives a
 * young collection, in turns of the event loop, as requests in flight under load do; then prints `heap-churn {"live":…,"peak":…}` (MB:
 * what a full collection keeps, and the largest heap seen meanwhile) and exits.
 */
const log = console.log;
console.log = (...args: unknown[]) => {
  log(...args);
  if (String(args[0]).startsWith('ranking weights')) void churn();
};

const mb = () => process.memoryUsage().heapUsed / 2 ** 20;

async function churn(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc!;
  const live = Array.from({ length: 1_500_000 }, (_, i) => ({ i, name: `enterprise ${i}` }));
  gc();
  // the server learns what a collection keeps after it (its observer's turn): the next one sets the limit from it
  await new Promise((resolve) => setTimeout(resolve, 20));
  gc();
  const kept = mb();
  // each object lives for the next 300k allocations: longer than a young collection, so it is promoted, then dropped
  const ring = new Array<unknown>(300_000);
  let peak = kept;
  for (let i = 0; i < 15_000_000; i++) {
    ring[i % ring.length] = { i, text: `request ${i}`, list: [i] };
    if (i % 20_000 === 0) peak = Math.max(peak, mb());
    // between requests' turns the server's other work runs (the collector's observers among it)
    if (i % 100_000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  const result = { live: Math.round(kept), peak: Math.round(peak), held: live.length + ring.length };
  process.stdout.write(`heap-churn ${JSON.stringify(result)}\n`, () => process.exit(0));
}
