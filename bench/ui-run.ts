/** npx tsx bench/ui-run.ts [product,lean,webgl]: only the UI part of the bench (headless Chromium), printed as JSON. */
import { runUiBench } from './lib/ui.ts';
import type { Variant } from './ui/bench-page.ts';

const variants = (process.argv[2] ?? 'product,lean').split(',') as Variant[];
runUiBench([1000, 5000], variants)
  .then((r) => console.log(JSON.stringify(r, null, 1)))
  .catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
