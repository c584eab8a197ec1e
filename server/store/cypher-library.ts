import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { isReadQuery } from './store.ts';
import { fileURLToPath } from 'node:url';

/** Folder holding every query of the product; nothing else in the code base writes Cypher. */
export const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));

/** How a query runs: `read/` queries in read transactions, `write/` and `schema/` in write transactions. */
export type AccessMode = 'read' | 'write';

export interface CypherQuery {
  /** Path below cypher/ without the extension, e.g. `read/chain-overview`. */
  name: string;
  file: string;
  text: string;
  mode: AccessMode;
  /** Parameters named in the header comment (`// name: purpose; params $a, $b`). */
  params: string[];
  /** The statements of the file: one for queries, several (split on `;`) for schema files. */
  statements: string[];
}

export class UnknownQueryError extends Error {
  override name = 'UnknownQueryError';
  constructor(queryName: string) {
    super(`no query named '${queryName}' in cypher/ (expected file cypher/${queryName}.cypher)`);
  }
}

function listCypherFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listCypherFiles(full);
    return entry.name.endsWith('.cypher') ? [full] : [];
  });
}

function parseHeader(text: string, file: string): string[] {
  const first = text.split('\n', 1)[0] ?? '';
  if (!first.startsWith('//')) throw new Error(`${file}: first line must be a comment '// name: purpose; params $a, $b'`);
  const match = /params\s+(.*)$/.exec(first);
  if (!match?.[1]) return [];
  return [...match[1].matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!);
}

/** Splits a schema file into statements; comments are dropped, `;` ends a statement. */
function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function loadCypherLibrary(dir: string = CYPHER_DIR): Map<string, CypherQuery> {
  const library = new Map<string, CypherQuery>();
  for (const file of listCypherFiles(dir)) {
    const name = path
      .relative(dir, file)
      .replace(/\\/g, '/')
      .replace(/\.cypher$/, '');
    const text = readFileSync(file, 'utf8');
    const mode: AccessMode = isReadQuery(name) ? 'read' : 'write';
    const statements = name.startsWith('schema/') ? splitStatements(text) : [text.trim().replace(/;\s*$/, '')];
    library.set(name, { name, file, text, mode, params: parseHeader(text, file), statements });
  }
  return library;
}

let shared: Map<string, CypherQuery> | undefined;

/** The library of cypher/, read once per process. */
export function cypherLibrary(): Map<string, CypherQuery> {
  shared ??= loadCypherLibrary();
  return shared;
}

export function getQuery(name: string): CypherQuery {
  const query = cypherLibrary().get(name);
  if (!query) throw new UnknownQueryError(name);
  return query;
}
