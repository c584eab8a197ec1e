import { describe, expect, it } from 'vitest';
import { buildCsv, csvCell } from './csv.ts';

describe('buildCsv', () => {
  it('starts with a BOM, uses CRLF and quotes what needs quoting', () => {
    const csv = buildCsv(
      [
        { header: '企业名称', value: (r: { name: string; score: number }) => r.name },
        { header: '得分', value: (r) => r.score },
      ],
      [
        { name: '合肥某某,有限公司', score: 0.8 },
        { name: '他说"好"', score: 1 },
      ],
    );
    expect(csv).toBe('\uFEFF企业名称,得分\r\n"合肥某某,有限公司",0.8\r\n"他说""好""",1\r\n');
  });

  it('neutralises formula-like text but keeps negative numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
  });
});
