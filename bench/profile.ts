/**
 * npx tsx bench/profile.ts --data-dir DIR QUERY_NAME 'JSON params' [...more name/params pairs]
 * Runs PROFILE on named cypher/ queries against an embedded store left by
 * `npm run bench` (e.g. /tmp/chain-graph-bench/M-embedded) and prints the plan
 * with rows and times per operator. Read queries only.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import grafeo from '@grafeo-db/js';
import { getQuery } from '../server/store/cypher-library.ts';

const { GrafeoDB } = grafeo;
const { values, positionals } = parseArgs({ options: { 'data-dir': { type: 'string' }, raw: { type: 'boolean' } }, allowPositionals: true });
if (!values['data-dir'] || positionals.length % 2 !== 0) {
  console.error('usage: npx tsx bench/profile.ts --data-dir DIR read/query/name \'{"param":1}\' [...]');
  process.exit(2);
}
const db = GrafeoDB.create(path.join(values['data-dir'], 'graph.grafeo'));
try {
  for (let i = 0; i < positionals.length; i += 2) {
    const name = positionals[i]!;
    const params = JSON.parse(positionals[i + 1]!) as Record<string, unknown>;
    const text = values.raw ? name : getQuery(name).statements[0]!;
    const t = performance.now();
    const rows = (await db.executeCypher(text, params)).toArray();
    const plain = performance.now() - t;
    console.log(`\n== ${values.raw ? 'query' : name}: ${rows.length} rows in ${plain.toFixed(1)} ms (unprofiled)`);
    const profiled = (await db.executeCypher(`PROFILE ${text}`, params)).toArray();
    for (const row of profiled)
      console.log(
        Object.values(row)
          .map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
          .join('\n'),
      );
  }
} finally {
  db.close();
}
