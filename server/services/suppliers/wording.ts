import { QUALIFICATION_TAGS } from './score.ts';
import type { CandidateRow } from './types.ts';

export const REGION_ZH: Record<string, string> = { anhui: '安徽省内', yrd: '长三角', other: '其他地区', local: '本地' };
const REGION_EN: Record<string, string> = { anhui: 'in Anhui', yrd: 'in the Yangtze River Delta', other: 'outside the region', local: 'local' };
/** Names listed in a reason before "等 N 家". */
const NAMES_SHOWN = 3;

function names(list: string[], sep: string, more: (n: number) => string): string {
  return list.slice(0, NAMES_SHOWN).join(sep) + (list.length > NAMES_SHOWN ? more(list.length) : '');
}

/** The reasons a candidate is on the list, in Chinese and English: segment, evidence of supply, then region, scale and labels. */
export function candidateReasons(row: CandidateRow, segmentNameOf: (id: string) => string): { zh: string; en: string } {
  const f = row.facts;
  const tags = f.tags ?? [];
  const zh: string[] = [];
  const en: string[] = [];
  const fit = row.fits.find((x) => x.direct) ?? row.fits[0];
  if (fit) {
    zh.push(f.direct ? `从事${fit.segmentName}环节` : `从事${fit.segmentName}环节（与目标环节供应同一下游）`);
    en.push(f.direct ? `operates in ${fit.segmentName}` : `operates in ${fit.segmentName}, which feeds the same downstream segment`);
  }
  const buyers = [...new Set(row.localBuyers.map((b) => b.name))];
  if (buyers.length) {
    zh.push(`已向本地${names(buyers, '、', (n) => `等${n}家`)}供货`);
    en.push(`already supplies local ${names(buyers, ', ', (n) => ` and ${n - NAMES_SHOWN} more`)}`);
  }
  if (f.peerBuyers > 0) {
    const segs = [...new Set(row.peerBuyers.map((p) => segmentNameOf(p.segmentId)))];
    zh.push(`供货给${f.peerBuyers}家与本地买方同类的企业（${names(segs, '、', () => '等')}环节）`);
    en.push(`supplies ${f.peerBuyers} firm(s) like the local buyers (in ${names(segs, ', ', () => ' etc.')})`);
  }
  if (f.customers > 0) {
    zh.push(`共${f.customers}项供货关系`);
    en.push(`${f.customers} supply link(s) in all`);
  }
  zh.push(f.region ? (REGION_ZH[f.region] ?? f.region) : '地区未知');
  en.push(f.region ? (REGION_EN[f.region] ?? f.region) : 'region unknown');
  if (f.aboveScale) {
    zh.push('规上企业');
    en.push('above designated size (规上)');
  }
  const quals = tags.filter((t) => (QUALIFICATION_TAGS as readonly string[]).includes(t));
  if (quals.length) {
    zh.push(quals.join('、'));
    en.push(quals.join(', '));
  }
  if (f.leaderRole || tags.includes('链主')) {
    zh.push('在其他链条为链主企业');
    en.push('a chain leader (链主) elsewhere');
  }
  return { zh: `${row.shortName ?? f.name}：${zh.join('；')}。`, en: `${f.name}: ${en.join('; ')}.` };
}
