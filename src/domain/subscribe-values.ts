/**
 * Subscribe-message keyword values cut to WeChat's rules by keyword type, so a long Chinese title
 * never fails a whole send with 47003: `thing` ≤ 20 characters, `name` ≤ 10 Chinese (or 20
 * other) characters, `phrase` ≤ 5 Chinese characters only, `character_string` / `number` /
 * `letter` ≤ 32, `symbol` ≤ 5, `time` as `2026-03-15 09:00`, `date` as `2026年3月15日`, and no
 * newlines or control characters anywhere. Times are Asia/Shanghai.
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { SHANGHAI_TZ } from './shanghai-time';

dayjs.extend(utc);
dayjs.extend(timezone);

export type KeywordType =
  | 'thing'
  | 'name'
  | 'phrase'
  | 'character_string'
  | 'number'
  | 'letter'
  | 'symbol'
  | 'time'
  | 'date'
  | 'amount'
  | 'phone_number'
  | 'car_number';

/** What our code hands over for a keyword: text, an instant, or a Shanghai civil date (YYYY-MM-DD). */
export type KeywordInput = string | number | Date;

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/u;
const HAN_ONLY = /^[\u3400-\u9fff\uf900-\ufaff]+$/u;

/** Control characters become spaces, runs of spaces one, ends trimmed. */
export function cleanText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu, ' ')
      .replace(/\s+/gu, ' ')
      .trim()
  );
}

/** At most `max` characters (code points, so no emoji is split); a cut one ends with `…`. */
export function cutTo(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function instantOf(input: KeywordInput): dayjs.Dayjs {
  if (typeof input === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(input)) return dayjs.tz(input, SHANGHAI_TZ);
  return dayjs(input).tz(SHANGHAI_TZ);
}

/** The value to send for a keyword of `type`; empty inputs become `-`/`无` so a send never fails on them. */
export function keywordValue(type: KeywordType, input: KeywordInput): string {
  switch (type) {
    case 'time':
      return instantOf(input).format('YYYY-MM-DD HH:mm');
    case 'date':
      return instantOf(input).format('YYYY年M月D日');
    default:
      break;
  }
  const text = cleanText(String(input));
  switch (type) {
    case 'thing':
      return cutTo(text, 20) || '无';
    case 'name':
      return cutTo(text, HAN.test(text) ? 10 : 20) || '无';
    case 'phrase': {
      const han = [...text].filter((ch) => HAN_ONLY.test(ch)).join('');
      return han.slice(0, 5) || '已更新';
    }
    case 'character_string':
      return text.replace(/[^\x21-\x7e]/g, '').slice(0, 32) || '-';
    case 'number':
      return text.replace(/[^\d.]/g, '').slice(0, 32) || '0';
    case 'letter':
      return text.replace(/[^A-Za-z]/g, '').slice(0, 32) || 'A';
    case 'symbol':
      return cutTo(text, 5) || '-';
    case 'amount':
      return text.replace(/[^\d.¥元]/g, '').slice(0, 12) || '0';
    case 'phone_number':
      return text.replace(/[^\d+\-() ]/g, '').slice(0, 17) || '-';
    case 'car_number':
      return cutTo(text, 8) || '-';
  }
}
