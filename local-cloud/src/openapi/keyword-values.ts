/**
 * WeChat's rules for a subscribe-message keyword value, by the keyword's type (the emulator's own
 * copy of the documented rules: it imports nothing from the project). Answers the reason a value
 * breaks its rule, or null when it is accepted.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
const HAN = /^[\u3400-\u9fff\uf900-\ufaff]+$/;
const TIME =
  /^(\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?\s*)?\d{1,2}:\d{2}(:\d{2})?(\s*~\s*(\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?\s*)?\d{1,2}:\d{2}(:\d{2})?)?$/;
const DATE =
  /^((\d{4}年)?\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2}|\d{4}\/\d{1,2}\/\d{1,2})(\s*\d{1,2}:\d{2}(:\d{2})?)?(\s*~\s*.+)?$/;

const length = (value: string): number => [...value].length;

export function keywordProblem(type: string, value: unknown): string | null {
  if (typeof value !== 'string') return 'value must be a string';
  if (value === '') return 'value is empty';
  if (CONTROL.test(value)) return 'control characters are not allowed';
  switch (type) {
    case 'thing':
      return length(value) <= 20 ? null : 'thing allows at most 20 characters';
    case 'name':
      return (HAN.test(value) ? length(value) <= 10 : length(value) <= 20) ? null : 'name is too long';
    case 'phrase':
      return HAN.test(value) && length(value) <= 5 ? null : 'phrase allows at most 5 Chinese characters only';
    case 'character_string':
      return /^[\x21-\x7e]{1,32}$/.test(value) ? null : 'character_string allows at most 32 letters, digits or symbols';
    case 'number':
      return /^\d+(\.\d+)?$/.test(value) && length(value) <= 32 ? null : 'number allows at most 32 digits';
    case 'letter':
      return /^[A-Za-z]{1,32}$/.test(value) ? null : 'letter allows at most 32 letters';
    case 'symbol':
      return length(value) <= 5 ? null : 'symbol allows at most 5 symbols';
    case 'time':
      return TIME.test(value) ? null : 'time must be like 15:01 or 2019-10-01 15:01';
    case 'date':
      return DATE.test(value) ? null : 'date must be like 2019年10月1日 or 2019-10-01';
    case 'amount':
      return /^[¥$€£]?\d{1,10}(\.\d{1,2})?元?$/.test(value) ? null : 'amount must be at most 10 digits';
    case 'phone_number':
      return /^[\d+\-() ]{1,17}$/.test(value) ? null : 'phone_number allows at most 17 digits or symbols';
    case 'car_number':
      return length(value) <= 8 ? null : 'car_number allows at most 8 characters';
    default:
      return null;
  }
}
