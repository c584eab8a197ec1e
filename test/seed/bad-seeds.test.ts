import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedStore } from '../../server/store/embedded-store.ts';
import { loadSeeds, SeedError } from '../../server/services/seed/load-seeds.ts';
import { readSeeds, SEEDS_DIR } from '../../server/services/seed/read-seeds.ts';

const dirs: string[] = [];
/** A copy of seeds/ with one file rewritten by `edit`. */
function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'seeds-'));
  dirs.push(dir);
  cpSync(SEEDS_DIR, dir, { recursive: true });
  const full = path.join(dir, file);
  const before = readFileSync(full, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  writeFileSync(full, after);
  return dir;
}
function errorOf(dir: string): SeedError {
  try {
    readSeeds(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(SeedError);
    return e as SeedError;
  }
  throw new Error('expected a SeedError');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('invalid seed files give a SeedError naming file, record and field', () => {
  it('the shipped seeds are valid', () => {
    expect(() => readSeeds()).not.toThrow();
  });

  it('missing field', () => {
    const dir = brokenCopy('chains.yaml', (t) => t.replace(/(- id: seg:polarizer\n\s+name: 偏光片\n\s+nameEn: Polarizers\n)\s+stage: midstream\n/, '$1'));
    const e = errorOf(dir);
    expect(e.message).toContain('chains.yaml');
    expect(e.message).toContain('seg:polarizer');
    expect(e.field).toBe('stage');
    expect(e.message).toMatch(/stage: is missing/);
  });

  it('an alias without provenance, or whose sourceText does not hold it', () => {
    const noNote = errorOf(
      brokenCopy('chains.yaml', (t) => t.replace('{ name: 新型显示, note: 通行的产业名称; 计划写“PVA光学膜—偏光片”和“显示领域” }', '{ name: 新型显示 }')),
    );
    expect(noNote.message).toContain('chain:functional-materials');
    expect(noNote.message).toMatch(/aliases\[1\]\.note: is missing/);
    const wrongText = errorOf(brokenCopy('chains.yaml', (t) => t.replace('{ name: 芯片, sourceText:', '{ name: 晶片, sourceText:')));
    expect(wrongText.message).toMatch(/aliases\[1\]\.sourceText: does not contain the alias '晶片'/);
  });

  it('unknown segment id in a FEEDS edge', () => {
    const dir = brokenCopy('chains.yaml', (t) => t.replace('{ from: seg:pva-film, to: seg:polarizer,', '{ from: seg:pva-film, to: seg:polariser,'));
    const e = errorOf(dir);
    expect(e.message).toContain('chains.yaml');
    expect(e.message).toContain('feeds[');
    expect(e.field).toBe('to');
    expect(e.message).toContain("unknown segment id 'seg:polariser'");
  });

  it('bad USCC check digit', () => {
    const dir = brokenCopy('sample/enterprises.csv', (t) => {
      const lines = t.split('\n');
      const cells = lines[3]!.split(',');
      const code = cells[3]!;
      cells[3] = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
      lines[3] = cells.join(',');
      return lines.join('\n');
    });
    const e = errorOf(dir);
    expect(e.message).toContain('sample/enterprises.csv');
    expect(e.record).toBe('row 4 (ent:s0003)');
    expect(e.field).toBe('uscc');
    expect(e.message).toMatch(/check character should be/);
  });

  it('duplicate id', () => {
    const dir = brokenCopy('units.yaml', (t) => t.replace('{ id: unit:shi-fagai, name: 市发改委', '{ id: unit:shi-touchu, name: 市发改委'));
    const e = errorOf(dir);
    expect(e.message).toContain('units.yaml');
    expect(e.message).toContain('unit:shi-touchu');
    expect(e.message).toContain("duplicate unit id 'unit:shi-touchu'");
  });

  it('a unit name in a task that units.yaml does not know', () => {
    const dir = brokenCopy('actions-tasks.yaml', (t) => t.replace('- 区党工委办公室', '- 区党工委'));
    const e = errorOf(dir);
    expect(e.message).toContain('actions-tasks.yaml: task:3: duties.area:anchao.lead[0]');
  });

  it('sourceText not copied verbatim from the plan', () => {
    const dir = brokenCopy('targets.yaml', (t) =>
      t.replace('sourceText: 新增战新企业31家(巢湖市20家、安巢经开区11家)', 'sourceText: 新增战新企业31家(巢湖市20家,安巢经开区11家)'),
    );
    const e = errorOf(dir);
    expect(e.message).toContain('targets.yaml: target:strategic-emerging: sourceText');
  });

  it('per-area parts that do not add up to the whole', () => {
    const dir = brokenCopy('targets.yaml', (t) => t.replace('parts: { area:chaohu: 800, area:anchao: 200 }', 'parts: { area:chaohu: 800, area:anchao: 300 }'));
    expect(errorOf(dir).message).toContain('target:above-scale-output: parts');
  });

  it('a SUPPLIES row naming an unknown enterprise', () => {
    const dir = brokenCopy('sample/supplies.csv', (t) => t.replace(/\nent:s\d{4},/, '\nent:s9999,'));
    const e = errorOf(dir);
    expect(e.message).toContain('sample/supplies.csv: row 2');
    expect(e.field).toBe('from');
  });

  it('loadSeeds writes nothing when a file is invalid', async () => {
    const dir = brokenCopy('gaps.yaml', (t) => t.replace('segment: seg:bms,', 'segment: seg:nope,'));
    const store = EmbeddedStore.open(':memory:');
    try {
      await store.applySchema();
      await expect(loadSeeds(store, { dir })).rejects.toThrow(/gaps\.yaml: gap:plan-bms:chaohu: segment: unknown segment id 'seg:nope'/);
      expect(await store.run('read/graph-counts')).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
