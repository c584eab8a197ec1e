import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isValidUscc } from '../../server/model/uscc.ts';
import { SyntheticGraph } from '../../server/services/generate/generate.ts';
import { loadGenerated, loadSkeleton, writeGeneratedFiles } from '../../server/services/generate/load.ts';
import { gapAnalysis } from '../../server/services/gaps/gap-analysis.ts';
import { EmbeddedStore } from '../../server/store/embedded-store.ts';

/** Fast smoke test of the synthetic data generator (issue 7): no timing assertions. */
function fingerprint(seed: number, enterprises = 400, supplies = 1500): string {
  const g = new SyntheticGraph({ enterprises, supplies, seed });
  const hash = createHash('sha256');
  for (let i = 0; i < enterprises; i++) hash.update(JSON.stringify(g.enterprise(i)));
  for (const r of g.supplyRows()) hash.update(JSON.stringify(r));
  return hash.digest('hex');
}

describe('synthetic data generator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(fingerprint(7)).toBe(fingerprint(7));
    expect(fingerprint(8)).not.toBe(fingerprint(7));
  });

  it('writes valid, unique USCCs, the requested number of supplies, mostly along FEEDS', () => {
    const g = new SyntheticGraph({ enterprises: 600, supplies: 2000, seed: 3 });
    const codes = new Set<string>();
    const segmentOf = new Map<string, string>();
    for (let i = 0; i < g.enterprises; i++) {
      const { enterprise, operatesIn } = g.enterprise(i);
      expect(isValidUscc(enterprise.uscc), enterprise.uscc).toBe(true);
      expect(enterprise.aboveScale).toBe(enterprise.output >= 2000);
      codes.add(enterprise.uscc);
      segmentOf.set(enterprise.id, operatesIn[0]!.segment);
    }
    expect(codes.size).toBe(g.enterprises);
    const feeds = new Set(g.skeleton.feeds.map((f) => `${f.from}>${f.to}`));
    const rows = [...g.supplyRows()];
    expect(rows.length).toBe(2000);
    expect(new Set(rows.map((r) => `${r.from}>${r.to}`)).size).toBe(rows.length);
    const along = rows.filter((r) => feeds.has(`${segmentOf.get(r.from)}>${segmentOf.get(r.to)}`) || segmentOf.get(r.from) === segmentOf.get(r.to));
    expect(along.length / rows.length).toBeGreaterThan(0.6);
  });

  it('loads a tiny tier into an embedded store and writes import files', async () => {
    const store = EmbeddedStore.open(':memory:');
    const dir = mkdtempSync(path.join(tmpdir(), 'generate-'));
    try {
      await store.applySchema();
      const g = new SyntheticGraph({ enterprises: 200, supplies: 600, seed: 1 });
      await loadSkeleton(store, g.skeleton);
      const steps = await loadGenerated(store, g);
      expect(steps.map((s) => [s.kind, s.rows > 0])).toEqual([
        ['enterprises', true],
        ['operatesIn', true],
        ['supplies', true],
      ]);
      const [count] = await store.run<{ n: number }>('write/generate/count', { prefix: 'gen:ent:' });
      expect(count!.n).toBe(200);
      await expect(loadGenerated(store, g)).rejects.toThrow(/already holds 200/);
      const report = writeGeneratedFiles(g, dir);
      expect(report.files['supplies.jsonl']).toBe(600);
      const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
      expect(manifest.enterprises).toBe(200);
      expect(readFileSync(path.join(dir, 'enterprises.csv'), 'utf8').split('\n')[0]).toContain('统一社会信用代码');
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps the plan's 补链 and 延链 segments absent locally, so the analysis finds all three kinds of gap (issue 17)", async () => {
    const g = new SyntheticGraph({ enterprises: 3000, supplies: 15000, seed: 1 });
    const absent = new Set(g.skeleton.plannedGaps.filter((x) => x.kind !== 'strengthen').map((x) => x.segment));
    expect(absent.size).toBeGreaterThan(0);
    for (let i = 0; i < g.enterprises; i++) {
      const { enterprise, operatesIn } = g.enterprise(i);
      if (enterprise.local)
        expect(
          operatesIn.filter((o) => absent.has(o.segment)),
          enterprise.id,
        ).toEqual([]);
    }
    const store = EmbeddedStore.open(':memory:');
    try {
      await store.applySchema();
      await loadSkeleton(store, g.skeleton);
      await loadGenerated(store, g);
      const { counts, gaps } = await gapAnalysis(store, {});
      expect(counts.fill).toBeGreaterThan(0);
      expect(counts.extend).toBeGreaterThan(0);
      expect(counts.strengthen).toBeGreaterThan(0);
      expect(gaps.map((x) => x.id)).toContain('gap:fill:seg:bms:all');
      expect(gaps.map((x) => x.id)).toContain('gap:extend:seg:aerospace:all');
    } finally {
      await store.close();
    }
  });
});
