/**
 * A small valid PNG standing in for a mini-program code (wxacode.getUnlimited answers image
 * bytes): a 37×37 grayscale checkerboard, deflated with node's zlib. The chunk CRC is computed
 * here: `zlib.crc32` exists only from Node 20.15 / 22.2, and the local cloud supports any Node 20.
 */
import zlib from 'node:zlib';

const SIZE = 37;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (ISO-HDLC, as PNG uses), the same value zlib.crc32 gives. */
export function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function render(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // grayscale
  const rows: Buffer[] = [];
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(SIZE + 1); // leading filter byte 0
    for (let x = 0; x < SIZE; x++) row[x + 1] = (Math.floor(x / 3) + Math.floor(y / 3)) % 2 === 0 ? 0 : 255;
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

let cached: Buffer | undefined;

export function placeholderPng(): Buffer {
  cached ??= render();
  return cached;
}
