// WeChat's rules for the values of a subscribe message ("订阅消息参数值内容限制说明"), from the
// documentation of subscribeMessage.send:
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
// (also https://developers.weixin.qq.com/miniprogram/dev/server/API/mp-message-management/subscribe-message/api_sendmessage).
// A value that breaks its key's rule is refused with errcode 47003 and an errmsg naming the key,
// "argument invalid! data.phrase2.value invalid" (WeChat community reports of the real answer:
// https://developers.weixin.qq.com/community/develop/doc/000648589fc4683da6a12b5e36fc00), or
// "argument invalid! data.thing1.value is empty" for an empty one.
// Where the documentation is silent the check is lenient (an amount's currency symbol, the
// separators of a date), so that a value WeChat takes is not refused here.

import { chinaDay, chinaInstant } from '../../shared/time';

const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff';
const chars = (s: string) => Array.from(s).length;

const DATE = /^(\d{4})(?:年(\d{1,2})月(\d{1,2})日|-(\d{1,2})-(\d{1,2}))$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

const two = (digits: string) => `0${digits}`.slice(-2);

/** Whether a date text names a day of the calendar (no 2月30日): read back, it is the same day. */
function validDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const day = `${m[1] as string}-${two(m[2] ?? m[4] ?? '')}-${two(m[3] ?? m[5] ?? '')}`;
  const at = chinaInstant(day);
  return at !== null && chinaDay(at) === day;
}

function validTime(text: string): boolean {
  const m = TIME.exec(text);
  return !!m && Number(m[1]) < 24 && Number(m[2]) < 60 && (m[3] === undefined || Number(m[3]) < 60);
}

/**
 * One moment of a date (年月日, "支持+24小时制时间") or time (24-hour, "支持+年月日") value; a
 * span is two of them joined by "~".
 */
function validMoment(text: string, kind: 'date' | 'time'): boolean {
  const parts = text.replace(/日\s*/, '日 ').trim().split(/\s+/);
  if (parts.length > 2) return false;
  const [a = '', b] = parts;
  if (kind === 'date') return validDate(a) && (b === undefined || validTime(b));
  return b === undefined ? validTime(a) : validDate(a) && validTime(b);
}

const moments = (kind: 'date' | 'time') => (v: string) => {
  const span = v.split('~');
  return span.length <= 2 && span.every((m) => validMoment(m, kind));
};

/** Each documented parameter type and whether a value meets its rule. */
const RULES: Record<string, (v: string) => boolean> = {
  // 事物: 20 个以内字符, 可汉字、数字、字母或符号组合.
  thing: (v) => chars(v) <= 20,
  // 数字: 32 位以内数字, 只能数字, 可带小数.
  number: (v) => v.length <= 32 && /^\d+(\.\d+)?$/.test(v),
  // 字母: 32 位以内字母, 只能字母.
  letter: (v) => /^[A-Za-z]{1,32}$/.test(v),
  // 符号: 5 位以内符号, 只能符号.
  symbol: (v) => /^[\p{P}\p{S}]{1,5}$/u.test(v),
  // 字符串: 32 位以内数字、字母或符号.
  character_string: (v) => /^[A-Za-z0-9\p{P}\p{S}]{1,32}$/u.test(v),
  // 时间: 24 小时制时间格式 (支持+年月日), 时间段用 "~" 连接. 例: 15:01, 2019年10月1日 15:01.
  time: moments('time'),
  // 日期: 年月日格式 (支持+24小时制时间), 时间段用 "~" 连接. 例: 2019年10月1日, 2019-12-25 09:42.
  date: moments('date'),
  // 金额: 1 个币种符号 + 10 位以内纯数字, 可带小数, 结尾可带 "元".
  amount: (v) => /^[¥￥$€£]?\d{1,10}(\.\d+)?元?$/.test(v),
  // 电话: 17 位以内, 数字、符号. 例: +86-0766-66888866.
  phone_number: (v) => /^[\d\p{P}\p{S}]{1,17}$/u.test(v),
  // 车牌: 8 位以内, 第一位与最后一位可为汉字, 其余为字母或数字. 例: 粤A8Z888挂.
  car_number: (v) => chars(v) <= 8 && new RegExp(`^[${HAN}A-Za-z0-9](?:[A-Za-z0-9]*[${HAN}A-Za-z0-9])?$`).test(v),
  // 姓名: 10 个以内纯汉字或 20 个以内纯字母或符号; 中文和字母混合按中文名算, 10 个字内.
  name: (v) => (new RegExp(`[${HAN}]`).test(v) ? new RegExp(`^[${HAN}A-Za-z·]{1,10}$`).test(v) : /^[A-Za-z\p{P}\p{S} ]{1,20}$/u.test(v)),
  // 汉字: 5 个以内纯汉字. 例: 配送中.
  phrase: (v) => new RegExp(`^[${HAN}]{1,5}$`).test(v),
};

/** The parameter type of a data key (`thing1` → thing, `character_string19` → character_string). */
export function keyType(key: string): string {
  return /^([a-z_]+?)\d*$/.exec(key)?.[1] ?? key;
}

/**
 * The first value of a subscribe message's data that WeChat refuses, as its errmsg says it
 * (without the request id), or null when every value is allowed.
 */
export function subscribeDataError(data: Record<string, unknown>): string | null {
  const keys = Object.keys(data);
  if (keys.length === 0) return 'argument invalid! data is empty';
  for (const key of keys) {
    const entry = data[key];
    const raw = entry && typeof entry === 'object' ? (entry as { value?: unknown }).value : undefined;
    if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return `argument invalid! data.${key}.value is empty`;
    if (typeof raw !== 'string' && typeof raw !== 'number') return `argument invalid! data.${key}.value invalid`;
    const rule = RULES[keyType(key)];
    if (rule && !rule(String(raw))) return `argument invalid! data.${key}.value invalid`;
  }
  return null;
}
