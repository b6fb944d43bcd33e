/**
 * A byte-exact multipart/form-data parser. wx-server-sdk sends its protobuf envelope as a binary
 * part; decoding the body as text (as generic form parsers do) corrupts it, so parts are sliced
 * out of the raw Buffer.
 */
export interface FormPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export function boundaryOf(contentType: string | undefined, body: Buffer): string | undefined {
  const match = contentType ? /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType) : null;
  if (match) return (match[1] ?? match[2]).trim();
  // Fall back to the first line of the body ("--<boundary>\r\n").
  const firstLine = body.subarray(0, body.indexOf('\r\n')).toString('latin1');
  return firstLine.startsWith('--') ? firstLine.slice(2) : undefined;
}

export function parseMultipart(body: Buffer, boundary: string): FormPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let pos = body.indexOf(delimiter);
  while (pos !== -1) {
    const afterDelimiter = pos + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString('latin1') === '--') break;
    const headerStart = afterDelimiter + 2; // skip CRLF
    const headerEnd = body.indexOf('\r\n\r\n', headerStart);
    if (headerEnd === -1) break;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next === -1) break;
    const headers = body.subarray(headerStart, headerEnd).toString('utf8');
    const disposition = /content-disposition:[^\r\n]*?\bname="([^"]*)"(?:[^\r\n]*?\bfilename="([^"]*)")?/i.exec(
      headers,
    );
    const type = /content-type:\s*([^\r\n]+)/i.exec(headers);
    if (disposition) {
      parts.push({
        name: disposition[1],
        filename: disposition[2],
        contentType: type?.[1].trim(),
        data: Buffer.from(body.subarray(headerEnd + 4, next)),
      });
    }
    pos = next + 2;
  }
  return parts;
}
