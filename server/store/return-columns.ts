/**
 * The columns a query returns, read from its text: the items of its last
 * top-level RETURN (`expr AS name`, or a bare variable). What the typed query
 * library (generated QueryColumns) and the row-keys test compare rows against.
 */
export function returnColumns(text: string): string[] {
  const code = stripCommentsAndStrings(text);
  let depth = 0;
  let last = -1;
  const word = /\bRETURN\b/giy;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth--;
    else if (depth === 0 && (c === 'R' || c === 'r')) {
      word.lastIndex = i;
      if ((i === 0 || /\W/.test(code[i - 1]!)) && word.test(code)) last = i + 'RETURN'.length;
    }
  }
  if (last < 0) return [];
  let clause = code.slice(last).replace(/^\s*DISTINCT\b/i, '');
  const end = /(?<![$.\w])(ORDER\s+BY|SKIP|LIMIT|UNION)\b|;/i.exec(clause);
  if (end) clause = clause.slice(0, end.index);
  return splitTopLevel(clause)
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const alias = /\bAS\s+`?([A-Za-z_][A-Za-z0-9_]*)`?\s*$/i.exec(item);
      return alias ? alias[1]! : item;
    });
}

/** Blanks out comments and string literals (keeping length), so keywords inside them are not seen. */
function stripCommentsAndStrings(text: string): string {
  return text.replace(/\/\/[^\n]*/g, (m) => ' '.repeat(m.length)).replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"/g, (m) => `'${' '.repeat(m.length - 2)}'`);
}

function splitTopLevel(clause: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < clause.length; i++) {
    const c = clause[i];
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(clause.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(clause.slice(start));
  return parts;
}
