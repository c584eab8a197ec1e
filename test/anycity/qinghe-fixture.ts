import { Rng } from '../../server/services/generate/random.ts';
import { csv, usccIn } from '../import/helpers.ts';

/**
 * A made-up city for tests (not the seed, not real data): 青禾市 in 东江省,
 * written as the files a new city would import. It carries what real lists
 * break on: two chain files that both number their segments from 1, names
 * holding / and 、, a FEEDS cycle (铝材 ⇄ 特钢), a segment shared by both
 * chains through a global code (C3670), industry codes, 500+ enterprises of
 * which many have no output, no 规上 and no 所在地区, located only by the
 * division code of their 统一社会信用代码 (the city's own 991102, or real GB/T 2260
 * codes for the outside ones), and supplies from outside into local buyers.
 * One chain (智能传感) has no local enterprise at all.
 */

export const QINGHE_AREAS = [
  ['地区名称', '上级地区', '级别', '本地', '行政区划代码'],
  ['华东经济区', '', '经济区', '否', ''],
  ['东江省', '华东经济区', '省', '否', '991000'],
  ['青禾市', '东江省', '市', '是', '991100'],
  ['青禾区', '青禾市', '区县', '是', '991102'],
  ['白沙镇', '青禾区', '镇街', '是', ''],
  ['青禾高新区', '青禾市', '园区', '是', ''],
  ['临江市', '东江省', '市', '否', '991200'],
  ['江苏省', '华东经济区', '省', '否', '320000'],
  ['苏州市', '江苏省', '市', '否', '320500'],
  ['上海市', '华东经济区', '省', '否', '310000'],
];

/** 轻合金: numbered from 1, with the 铝材 ⇄ 特钢 cycle and names holding / and 、. */
export const ALLOY_SEGMENTS = [
  ['产业链', '环节编号', '环节', '阶段', '上游环节', '统一编码'],
  ['轻合金', '1', '铝材', '上游', '2', ''],
  ['轻合金', '2', '特钢', '上游', '1', ''],
  ['轻合金', '3', '铝基/镁基复合材料', '上游', '1', ''],
  ['轻合金', '4', '铸件、锻件', '中游', '1；3', ''],
  ['轻合金', '5', '板材', '中游', '1', ''],
  ['轻合金', '6', '汽车零部件', '下游', '4；5', 'C3670'],
  ['轻合金', '7', '航空航天部件', '下游', '4', ''],
  ['轻合金', '8', '回收再生', '下游', '6', ''],
];

/** 智能传感: numbered from 1 as well; shares 汽车零部件 through its code. */
export const SENSOR_SEGMENTS = [
  ['产业链', '环节编号', '环节', '阶段', '上游环节', '统一编码'],
  ['智能传感', '1', '晶圆', '上游', '', ''],
  ['智能传感', '2', 'MEMS芯片', '中游', '1', ''],
  ['智能传感', '3', '封装/测试', '中游', '2', ''],
  ['智能传感', '4', '传感器模组', '中游', '3', ''],
  ['智能传感', '5', '汽车零部件', '下游', '4', 'C3670'],
];

export const SEG = {
  aluminium: 'seg:import:轻合金:1',
  steel: 'seg:import:轻合金:2',
  composite: 'seg:import:轻合金:3',
  castings: 'seg:import:轻合金:4',
  sheet: 'seg:import:轻合金:5',
  parts: 'seg:code:C3670',
  aero: 'seg:import:轻合金:7',
  recycling: 'seg:import:轻合金:8',
  wafer: 'seg:import:智能传感:1',
  mems: 'seg:import:智能传感:2',
  packaging: 'seg:import:智能传感:3',
  module: 'seg:import:智能传感:4',
};

/** Segments local enterprises work in (as a user would write them), with the industry code they carry. */
const LOCAL_WORK: [string, string][] = [
  ['铝材', 'C3216'],
  ['铝材', 'C3216'],
  ['特钢', 'C3120'],
  ['铝基/镁基复合材料', 'C3252'],
  ['铸件、锻件', 'C3391'],
  ['铸件、锻件；铝基/镁基复合材料', 'C3391'],
  ['汽车零部件', 'C3670'],
];
/** What outside enterprises work in: both chains, with the places they are registered in (real GB/T 2260 codes). */
const OUTSIDE_WORK: [string, string][] = [
  ['板材', 'C3252'],
  ['航空航天部件', 'C3741'],
  ['回收再生', 'C4210'],
  ['晶圆', 'C3973'],
  ['seg:import:智能传感:2', 'C3973'],
  ['封装/测试', 'C3973'],
  ['传感器模组', 'C4028'],
  ['铸件、锻件', 'C3391'],
  ['汽车零部件', 'C3670'],
];
const OUTSIDE_DIVISIONS = ['320500', '320583', '310115', '440305', '330106', '340100', '991200', '420111'];
const TAGS = ['', '', '', '高新技术企业', '专精特新', '专精特新、高新技术企业', '专精特新“小巨人”'];

export interface QingheFiles {
  areas: Buffer;
  alloySegments: Buffer;
  sensorSegments: Buffer;
  enterprises: Buffer;
  supplies: Buffer;
  /** Enterprise names by role, for assertions. */
  locals: string[];
  outsiders: string[];
}

/** The files, as UTF-8 CSV; `locals + outsiders` ≥ 500 enterprises. */
export function qingheFiles(counts = { locals: 180, outsiders: 340 }): QingheFiles {
  const rng = new Rng(13); // deterministic, so the fixture is the same on every run
  const rnd = () => rng.next();
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const header = ['企业名称', '统一社会信用代码', '所在地区', '是否本地', '所属环节', '产值（万元）', '规上', '标签', '行业代码'];
  const rows: (string | number)[][] = [header];
  const locals: string[] = [];
  const outsiders: string[] = [];
  for (let i = 0; i < counts.locals; i++) {
    const [segment, code] = LOCAL_WORK[i % LOCAL_WORK.length]!;
    // a third have a 所在地区; a third only their USCC (991102 = 青禾区); a third only 是否本地 = 是 (and no place in the name)
    const how = i % 3;
    const name = `${how === 2 ? '天工' : '青禾'}${['精工', '恒通', '瑞丰', '金源', '华晟', '东铝', '合力'][i % 7]}第${i + 1}制造有限公司`;
    locals.push(name);
    rows.push([
      name,
      how === 2 ? '' : usccIn('991102', 1000 + i),
      how === 0 ? pick(['青禾区', '白沙镇', '青禾高新区']) : '',
      how === 2 ? '是' : '',
      segment,
      rnd() < 0.55 ? '' : Math.round(500 + rnd() * 30000),
      rnd() < 0.5 ? '' : rnd() < 0.7 ? '是' : '否',
      pick(TAGS),
      code,
    ]);
  }
  for (let i = 0; i < counts.outsiders; i++) {
    const [segment, code] = OUTSIDE_WORK[i % OUTSIDE_WORK.length]!;
    const name = `外埠${['精密', '科技', '材料', '电子', '装备'][i % 5]}第${i + 1}股份有限公司`;
    outsiders.push(name);
    rows.push([
      name,
      usccIn(pick(OUTSIDE_DIVISIONS), 5000 + i),
      '',
      '',
      segment,
      rnd() < 0.5 ? '' : Math.round(2000 + rnd() * 200000),
      rnd() < 0.5 ? '' : '是',
      pick(TAGS),
      code,
    ]);
  }
  // local buyers (汽车零部件, 铸件) buy 板材, 航空航天部件 … from outside
  const supplies: (string | number)[][] = [['供应方', '采购方', '产品', '占比']];
  const buyers = locals.filter((_, i) => ['汽车零部件', '铸件、锻件'].includes(LOCAL_WORK[i % LOCAL_WORK.length]![0]));
  const seen = new Set<string>();
  for (let i = 0; i < 80; i++) {
    const supplierIndex = Math.floor(rnd() * outsiders.length);
    const supplier = outsiders[supplierIndex]!;
    const buyer = pick(buyers);
    if (seen.has(`${supplier}|${buyer}`)) continue;
    seen.add(`${supplier}|${buyer}`);
    supplies.push([supplier, buyer, OUTSIDE_WORK[supplierIndex % OUTSIDE_WORK.length]![0], rnd() < 0.3 ? '' : `${Math.round(5 + rnd() * 60)}%`]);
  }
  const file = (r: (string | number)[][]) => Buffer.from(csv(r));
  return {
    areas: file(QINGHE_AREAS),
    alloySegments: file(ALLOY_SEGMENTS),
    sensorSegments: file(SENSOR_SEGMENTS),
    enterprises: file(rows),
    supplies: file(supplies),
    locals,
    outsiders,
  };
}
