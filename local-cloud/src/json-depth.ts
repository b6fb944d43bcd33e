/**
 * How deep a JSON text nests, found without recursion. Parsing a deep text is fine, but handing
 * the result to anything recursive (structured clone into a function's worker, EJSON decoding,
 * mingo) overflows the stack some thousands of levels down. CloudBase documents no depth limit;
 * no real request comes near this one, so deeper ones are refused with a clean INVALID_PARAM.
 */
export const MAX_JSON_DEPTH = 256;

/** True when `text` opens more than `max` objects or arrays inside each other. */
export function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > max) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}
