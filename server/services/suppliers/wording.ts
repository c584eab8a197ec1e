import { QUALIFICATION_TAGS, type ScoreComponent } from './score.ts';
import type { ComponentName } from './weights.ts';
import type { CandidateRow } from './types.ts';

export const REGION_ZH: Record<string, string> = { anhui: '安徽省内', yrd: '长三角', other: '其他地区', local: '本地' };
const REGION_EN: Record<string, string> = { anhui: 'in Anhui', yrd: 'in the Yangtze River Delta', other: 'outside the region', local: 'local' };
/** Names listed in a reason before "等 N 家". */
const NAMES_SHOWN = 3;

function names(list: string[], sep: string, more: (n: number) => string): string {
  return list.slice(0, NAMES_SHOWN).join(sep) + (list.length > NAMES_SHOWN ? more(list.length) : '');
}

export interface Reasons {
  zh: string;
  en: string;
  /** One line: the segment and the clause of the component that added the most points after it. */
  lineZh: string;
  lineEn: string;
}

/**
 * The reasons a candidate is on the list, in Chinese and English: segment, evidence of supply, then region,
 * scale and labels; and the one line a list shows (segment and the strongest other component).
 */
export function candidateReasons(row: CandidateRow, components: ScoreComponent[], segmentNameOf: (id: string) => { zh: string; en: string }): Reasons {
  const f = row.facts;
  const tags = f.tags ?? [];
  const zh: string[] = [];
  const en: string[] = [];
  const owner: (ComponentName | null)[] = [];
  const clause = (name: ComponentName | null, z: string, e: string) => {
    zh.push(z);
    en.push(e);
    owner.push(name);
  };
  const fit = row.fits.find((x) => x.direct) ?? row.fits[0];
  if (fit) {
    clause(
      'segmentFit',
      f.direct ? `从事${fit.segmentName}环节` : `从事${fit.segmentName}环节（与目标环节供应同一下游）`,
      f.direct
        ? `operates in ${fit.segmentNameEn ?? fit.segmentName}`
        : `operates in ${fit.segmentNameEn ?? fit.segmentName}, which feeds the same downstream segment`,
    );
  }
  const buyers = [...new Set(row.localBuyers.map((b) => b.name))];
  if (buyers.length) {
    clause(
      'suppliesLocal',
      `已向本地${names(buyers, '、', (n) => `等${n}家`)}供货`,
      `already supplies local ${names(buyers, ', ', (n) => ` and ${n - NAMES_SHOWN} more`)}`,
    );
  }
  if (f.peerBuyers > 0) {
    const segs = [...new Set(row.peerBuyers.map((p) => p.segmentId))].map(segmentNameOf);
    const near = new Set(row.peerBuyers.filter((p) => p.near).map((p) => p.buyerId)).size;
    clause(
      'suppliesPeers',
      `供货给${f.peerBuyers}家与本地买方同类的企业（${names(
        segs.map((s) => s.zh),
        '、',
        () => '等',
      )}环节${near ? `，${near}家在本地` : ''}）`,
      `supplies ${f.peerBuyers} firm(s) like the local buyers (in ${names(
        segs.map((s) => s.en),
        ', ',
        () => ' etc.',
      )}${near ? `; ${near} local` : ''})`,
    );
  }
  if (f.customers > 0) {
    clause('customers', `共${f.customers}项供货关系`, `${f.customers} supply link(s) in all`);
  }
  clause('region', f.region ? (REGION_ZH[f.region] ?? f.region) : '地区未知', f.region ? (REGION_EN[f.region] ?? f.region) : 'region unknown');
  if (f.aboveScale) clause('scale', '规上企业', 'above designated size (规上)');
  const quals = tags.filter((t) => (QUALIFICATION_TAGS as readonly string[]).includes(t));
  if (quals.length) {
    clause('qualifications', quals.join('、'), quals.join(', '));
  }
  if (f.leaderRole || tags.includes('链主')) clause('leaderElsewhere', '在其他链条为链主企业', 'a chain leader (链主) elsewhere');
  // The line: the segment clause and the clause of the component that added the most points besides it.
  const points = new Map(components.map((c) => [c.name, c.points]));
  let best = -1;
  owner.forEach((name, i) => {
    if (name && name !== 'segmentFit' && (points.get(name) ?? 0) > 0 && (best < 0 || (points.get(name) ?? 0) > (points.get(owner[best]!) ?? 0))) best = i;
  });
  const line = [owner.indexOf('segmentFit'), best].filter((i) => i >= 0);
  return {
    zh: `${row.shortName ?? f.name}：${zh.join('；')}。`,
    en: `${f.name}: ${en.join('; ')}.`,
    lineZh: line.map((i) => zh[i]).join('；'),
    lineEn: line.map((i) => en[i]).join('; '),
  };
}
