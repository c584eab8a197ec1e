import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, parseState, serializeState, updateState } from './url-state.ts';

describe('URL state', () => {
  it('round-trips a full state', () => {
    const state = {
      view: 'map',
      chain: 'chain:nev',
      area: 'area:anchao',
      sel: 'segment:casting',
      gap: 'gap:1',
      cand: 'ent:9',
      from: 'a',
      to: 'b',
      expanded: ['ent:1', 'seg:x'],
      lang: 'en',
    } as const;
    const text = serializeState({ ...state, expanded: [...state.expanded] });
    expect(text).toBe('?chain=chain%3Anev&area=anchao&sel=segment%3Acasting&gap=gap%3A1&cand=ent%3A9&from=a&to=b&expand=ent%3A1%2Cseg%3Ax&lang=en');
    expect(parseState(text)).toEqual(state);
  });

  it('gives an empty query for the default state and reads hashes too', () => {
    expect(serializeState(DEFAULT_STATE)).toBe('');
    expect(parseState('#view=targets&area=chaohu')).toEqual({ ...DEFAULT_STATE, view: 'targets', area: 'area:chaohu' });
  });

  it('falls back to defaults for malformed values', () => {
    expect(parseState('?view=nope&area=%20&lang=fr&chain=%20%20')).toEqual(DEFAULT_STATE);
    // any area id parses; the shell replaces one the data does not have (localAreas) with both
    expect(parseState('?area=qinghe').area).toBe('area:qinghe');
  });

  it('drops the selection, gap and candidate when the chain or area changes', () => {
    const s = { ...DEFAULT_STATE, chain: 'c1', sel: 's', gap: 'g', cand: 'e', expanded: ['ent:1'] };
    expect(updateState(s, { area: 'area:chaohu' })).toEqual({ ...DEFAULT_STATE, chain: 'c1', area: 'area:chaohu' });
    expect(updateState(s, { chain: 'c1', lang: 'en' })).toEqual({ ...s, lang: 'en' });
    expect(updateState(s, { gap: 'g2' })).toEqual({ ...s, gap: 'g2', cand: null });
  });
});
