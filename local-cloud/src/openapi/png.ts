/**
 * A small valid PNG standing in for a mini-program code (wxacode.getUnlimited answers image
 * bytes): a 37×37 grayscale checkerboard, encoded with node's zlib.
 */
import zlib from 'node:zlib';

const SIZE = 37;

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typeAndData) >>> 0);
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
