/**
 * Just enough protobuf for wx-server-sdk's cloud-call envelope (schema from its bundled
 * `src/protobuf/openapi.js`): varints and length-delimited fields, nothing else is used.
 *
 *   CommApiData     { 1 apiType: int32, 2 openapiData: OpenApiData, 6 appid: string, ... }
 *   OpenApiData     { 1 pairs: KeyValuePair[] }
 *   KeyValuePair    { 1 key: string, 2 value: bytes, 3 contenttype: string, 4 filename: string }
 *   CommOpenApiResp { 1 respData: bytes, 2 contentType: string, 3 errorCode: int32, 4 httpCode: uint32 }
 */
type Field = { no: number; varint: number } | { no: number; bytes: Buffer };

function readVarint(buf: Buffer, start: number): { value: number; next: number } {
  let value = 0;
  let shift = 0;
  let pos = start;
  for (;;) {
    if (pos >= buf.length) throw new Error('truncated varint');
    const byte = buf[pos++];
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return { value, next: pos };
    shift += 7;
  }
}

function readFields(buf: Buffer): Field[] {
  const fields: Field[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const tag = readVarint(buf, pos);
    const no = Math.floor(tag.value / 8);
    const wireType = tag.value & 7;
    pos = tag.next;
    if (wireType === 0) {
      const v = readVarint(buf, pos);
      fields.push({ no, varint: v.value });
      pos = v.next;
    } else if (wireType === 2) {
      const len = readVarint(buf, pos);
      fields.push({ no, bytes: buf.subarray(len.next, len.next + len.value) });
      pos = len.next + len.value;
    } else if (wireType === 5) {
      pos += 4;
    } else if (wireType === 1) {
      pos += 8;
    } else {
      throw new Error(`unsupported wire type ${wireType}`);
    }
  }
  return fields;
}

export interface KeyValuePair {
  key: string;
  value: Buffer;
}

export interface CommApiData {
  apiType: number;
  pairs: KeyValuePair[];
  appid?: string;
}

export function decodeCommApiData(buf: Buffer): CommApiData {
  const result: CommApiData = { apiType: 0, pairs: [] };
  for (const field of readFields(buf)) {
    if (field.no === 1 && 'varint' in field) result.apiType = field.varint;
    if (field.no === 6 && 'bytes' in field) result.appid = field.bytes.toString('utf8');
    if (field.no === 2 && 'bytes' in field) {
      for (const pair of readFields(field.bytes)) {
        if (pair.no !== 1 || !('bytes' in pair)) continue;
        const kv: KeyValuePair = { key: '', value: Buffer.alloc(0) };
        for (const part of readFields(pair.bytes)) {
          if (part.no === 1 && 'bytes' in part) kv.key = part.bytes.toString('utf8');
          if (part.no === 2 && 'bytes' in part) kv.value = Buffer.from(part.bytes);
        }
        result.pairs.push(kv);
      }
    }
  }
  return result;
}

function varint(value: number): Buffer {
  const bytes: number[] = [];
  let v = value;
  while (v >= 0x80) {
    bytes.push(v % 0x80 | 0x80);
    v = Math.floor(v / 0x80);
  }
  bytes.push(v);
  return Buffer.from(bytes);
}

function lengthDelimited(no: number, bytes: Buffer): Buffer {
  return Buffer.concat([varint(no * 8 + 2), varint(bytes.length), bytes]);
}

/** errorCode (field 3) is left out: its default 0 means "no platform error", WeChat's own errcode travels in respData. */
export function encodeCommOpenApiResp(resp: { respData: Buffer; contentType: string; httpCode: number }): Buffer {
  return Buffer.concat([
    lengthDelimited(1, resp.respData),
    lengthDelimited(2, Buffer.from(resp.contentType, 'utf8')),
    varint(4 * 8),
    varint(resp.httpCode),
  ]);
}
