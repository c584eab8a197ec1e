import type { ImportIssue, IssueCode } from './types.ts';

type Detail = Record<string, string | number>;
type Template = (d: Detail) => [zh: string, en: string];

const TEMPLATES: Record<IssueCode, Template> = {
  MISSING_COLUMN: (d) => [`缺少必需的列「${d.field}」（可用列名：${d.names}）`, `required column '${d.field}' is missing (accepted headers: ${d.names})`],
  UNKNOWN_COLUMN: () => ['无法识别的列，已忽略（可用映射文件指定）', 'unknown column, ignored (a mapping file can assign it)'],
  DUPLICATE_COLUMN: (d) => [`与第 ${d.other} 列对应同一字段「${d.field}」，已忽略`, `maps to the same field '${d.field}' as column ${d.other}; ignored`],
  NO_HEADER: () => ['找不到表头行（前 10 行中没有可识别的列名）', 'no header row found (no known column name in the first 10 rows)'],
  REQUIRED: () => ['必填项为空', 'required value is empty'],
  INVALID_USCC: () => ['统一社会信用代码无效（应为 18 位，且校验位正确）', 'invalid unified social credit code (18 characters with a correct check character)'],
  USCC_PRECISION_LOST: () => [
    '统一社会信用代码被 Excel 存成了数字，末几位已丢失；请把该列设为“文本”后重新填写',
    'the code was stored by Excel as a number and lost its last digits; format the column as Text and enter it again',
  ],
  UNKNOWN_SEGMENT: () => ['未知的产业链环节（填写环节编号或名称）', 'unknown segment (give its id or name)'],
  AMBIGUOUS_SEGMENT: (d) => [`环节名称对应多个环节（${d.ids}），请填写环节编号`, `segment name matches several segments (${d.ids}); give the id`],
  UNKNOWN_AREA: () => ['未知的地区（填写地区编号或名称）', 'unknown area (give its id or name)'],
  AMBIGUOUS_AREA: (d) => [`地区名称对应多个地区（${d.ids}），请填写地区编号`, `area name matches several areas (${d.ids}); give the id`],
  UNKNOWN_CHAIN: () => ['未知的产业链', 'unknown chain'],
  UNKNOWN_ENTERPRISE: () => ['图谱中没有这家企业（请先导入企业名单）', 'no such enterprise in the graph (import the enterprise list first)'],
  NOT_A_NUMBER: () => ['不是数字', 'not a number'],
  NEGATIVE_AMOUNT: () => ['金额不能为负数', 'amount must not be negative'],
  INVALID_SHARE: () => ['占比应在 0–1 之间（或 0%–100%）', 'share must be from 0 to 1 (or 0% to 100%)'],
  INVALID_BOOLEAN: () => ['应填“是”或“否”', 'must be 是 or 否 (yes or no)'],
  INVALID_YEAR: (d) => [`年份无效（应为 1900–${d.max} 的四位年份）`, `invalid year (a four-digit year from 1900 to ${d.max})`],
  INVALID_ROLE: () => ['角色应为 链主、核心 或 配套', 'role must be 链主 (leader), 核心 (core) or 配套 (supplier)'],
  INVALID_STAGE: () => ['阶段应为 上游、中游 或 下游', 'stage must be 上游 (upstream), 中游 (midstream) or 下游 (downstream)'],
  INVALID_REGION: () => ['地区类别应为 本地、省内、长三角 或 其他', 'region must be 本地 (local), 省内 (anhui), 长三角 (yrd) or 其他 (other)'],
  DUPLICATE_IN_FILE: (d) => [`与第 ${d.first} 行重复（${d.by}）`, `duplicate of row ${d.first} (${d.byEn})`],
  NAME_VARIANT: (d) => [
    `名称与已有企业「${d.existing}」仅写法不同（有限公司/有限责任公司、全角括号等），将更新该企业`,
    `name differs only in form (有限公司/有限责任公司, full-width brackets …) from the existing enterprise '${d.existing}'; it will be updated`,
  ],
  USCC_CONFLICT: (d) => [
    `名称与已有企业「${d.existing}」相同，但统一社会信用代码不同（${d.uscc}）`,
    `same name as the existing enterprise '${d.existing}' but a different unified social credit code (${d.uscc})`,
  ],
  SELF_SUPPLY: () => ['供应方与采购方是同一家企业', 'supplier and buyer are the same enterprise'],
  SELF_FEED: () => ['环节不能作为自己的上游', 'a segment cannot feed itself'],
  SEGMENT_KEY_CONFLICT: (d) => [
    `环节编号「${d.key}」${d.where}名称「${d.other}」，与本行名称不同：同一编号只能对应一个环节（请改用另一编号）`,
    `segment key '${d.key}': ${d.whereEn} the name '${d.other}', not this row's: one key names one segment (use another key)`,
  ],
  INVALID_LEVEL: () => [
    '级别应为 经济区、省、市、区县、镇街 或 园区',
    'level must be 经济区 (region), 省 (province), 市 (city), 区县 (district), 镇街 (town) or 园区 (zone)',
  ],
  INVALID_DIVISION_CODE: () => ['行政区划代码应为 6 位数字（GB/T 2260）', 'division code must be six digits (GB/T 2260)'],
  SELF_PARENT: () => ['上级地区成环（地区不能位于自身之内）', 'the parent areas loop (an area cannot lie inside itself)'],
  AREA_CONTRADICTS_USCC: (d) => [
    `所在地区与统一社会信用代码的登记机关区划（${d.division}）不符，请核对`,
    `the area contradicts the registering authority's division in the unified social credit code (${d.division}); please check`,
  ],
  INVALID_INDUSTRY_CODE: () => [
    '行业代码应为 GB/T 4754 代码（门类字母可省略，2–4 位数字，如 C339 或 3391）',
    'industry code must be a GB/T 4754 code (section letter optional, 2–4 digits, e.g. C339 or 3391)',
  ],
  INVALID_PROJECT_STAGE: () => [
    '项目阶段应为 线索、洽谈、签约、开工、投产 或 终止',
    'stage must be 线索 (lead), 洽谈 (negotiating), 签约 (signed), 开工 (started), 投产 (producing) or 终止 (dropped)',
  ],
  INVALID_DATE: () => ['日期无效（应为 2025-03-01、2025/3/1 或 2025年3月1日）', 'invalid date (write 2025-03-01, 2025/3/1 or 2025年3月1日)'],
  DATE_ORDER: (d) => [`日期早于${d.earlier}日期 ${d.date}`, `date is before the ${d.earlierEn} date ${d.date}`],
  INVALID_ELEMENT: (d) => [
    `“1+5”要素「${d.item}」无效（制造基地、研发中心、销售中心、上市主体、供应商集群企业、配套产业基金）`,
    `unknown "1+5" element '${d.item}' (BASE, RND, SALES, LISTED, SUPPLIERS, FUND)`,
  ],
  INVALID_PROJECT_ID: () => ['项目编号应以 project: 开头', "project id must start with 'project:'"],
  UNKNOWN_UNIT: (d) => [`未知的单位「${d.item}」（填写单位编号或名称）`, `unknown unit '${d.item}' (give its id or name)`],
  UNKNOWN_GAP: (d) => [`未知的缺口编号「${d.item}」`, `unknown gap id '${d.item}'`],
  STAGE_MOVES_BACK: (d) => [
    `项目已处于「${d.current}」，导入不能退回「${d.to}」（请在项目面板中退回并说明原因）`,
    `the project is at '${d.currentEn}'; an import cannot move it back to '${d.toEn}' (do it in the project panel, with a note)`,
  ],
  DROP_REASON_REQUIRED: () => ['终止的项目需填写终止原因', 'a dropped (终止) project needs the reason'],
  FEEDS_CYCLE: (d) => [
    `上下游关系成环（${d.names}）：上游和下游将指向同一批环节，请检查上游环节/下游环节`,
    `FEEDS cycle (${d.names}): upstream and downstream would name the same segments; check the upstream/downstream columns`,
  ],
};

export function makeIssue(
  code: IssueCode,
  at: { row: number | null; column?: string | null; value?: string | null },
  detail: Detail = {},
  severity: 'error' | 'warning' = code === 'NAME_VARIANT' ||
  code === 'FEEDS_CYCLE' ||
  code === 'AREA_CONTRADICTS_USCC' ||
  code === 'UNKNOWN_COLUMN' ||
  code === 'DUPLICATE_COLUMN'
    ? 'warning'
    : 'error',
): ImportIssue {
  const [message, messageEn] = TEMPLATES[code](detail);
  return { row: at.row, column: at.column ?? null, value: at.value ?? null, severity, code, message, messageEn };
}
