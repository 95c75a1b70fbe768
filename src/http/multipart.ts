import { InvalidBody } from '../errors.js';

/**
 * A streaming reader of `multipart/form-data` (RFC 7578), for the portal's forms that carry a file: the text
 * fields are collected (small, bounded), and a file is handed over as a stream of its bytes, never held whole, so
 * that a recording goes to the media store as the API's upload sends it. Browsers send the parts in the order of
 * the form's controls: a form puts its file input last, so its fields are known before the file is stored.
 */

/** At most this many bytes of a text field, this many text fields, and this many bytes of a part's headers. */
export const MULTIPART_LIMITS = { fieldBytes: 64 * 1024, fields: 200, headerBytes: 8 * 1024 } as const;

export interface MultipartFile {
  /** The form control's name. */
  readonly name: string;
  readonly filename: string;
  /** The part's `Content-Type` (lowercased, without parameters); `application/octet-stream` when not given. */
  readonly contentType: string;
  /** The file's bytes; the callback must read them to the end (or throw). */
  readonly body: AsyncIterable<Uint8Array>;
}

/** The boundary of a `multipart/form-data` content type, or undefined when the body is not one. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return undefined;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/** Pulls bytes from a stream of chunks, up to delimiters. */
class Reader {
  private buffer = Buffer.alloc(0);
  private ended = false;
  private readonly chunks: AsyncIterator<Uint8Array>;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.chunks = source[Symbol.asyncIterator]();
  }

  private async fill(): Promise<void> {
    const next = this.ended ? undefined : await this.chunks.next();
    if (!next || next.done) {
      this.ended = true;
      throw new InvalidBody('the form ended before its last part was complete');
    }
    this.buffer = Buffer.concat([this.buffer, next.value]);
  }

  /** At least `n` bytes buffered. */
  async peek(n: number): Promise<Buffer> {
    while (this.buffer.length < n) await this.fill();
    return this.buffer.subarray(0, n);
  }

  skip(n: number): void {
    this.buffer = this.buffer.subarray(n);
  }

  /** The bytes up to `delimiter` (which is consumed), at most `limit` of them. */
  async until(delimiter: Buffer, limit: number, what: string): Promise<Buffer> {
    const parts: Buffer[] = [];
    let size = 0;
    for await (const chunk of this.stream(delimiter)) {
      size += chunk.length;
      if (size > limit) throw new InvalidBody(`${what} is longer than ${limit} bytes`);
      parts.push(chunk);
    }
    return Buffer.concat(parts);
  }

  /**
   * Reads and drops what is left of the body, at most `limit` bytes more: whether it ended. An answer given before
   * a client finished sending would otherwise close the connection under it, and many clients then report the
   * broken connection (`EPIPE`) rather than the answer.
   */
  async drain(limit: number): Promise<boolean> {
    let read = this.buffer.length;
    this.buffer = Buffer.alloc(0);
    while (!this.ended && read <= limit) {
      const next = await this.chunks.next();
      if (next.done) this.ended = true;
      else read += next.value.length;
    }
    return this.ended;
  }

  /** The bytes up to `delimiter` (which is consumed), as they arrive. */
  async *stream(delimiter: Buffer): AsyncGenerator<Buffer> {
    for (;;) {
      const at = this.buffer.indexOf(delimiter);
      if (at >= 0) {
        const before = this.buffer.subarray(0, at);
        this.buffer = this.buffer.subarray(at + delimiter.length);
        if (before.length > 0) yield before;
        return;
      }
      // keep what could be the start of the delimiter; give the rest
      const keep = Math.min(this.buffer.length, delimiter.length - 1);
      const give = this.buffer.subarray(0, this.buffer.length - keep);
      this.buffer = this.buffer.subarray(this.buffer.length - keep);
      if (give.length > 0) yield Buffer.from(give);
      await this.fill();
    }
  }
}

const CRLF = Buffer.from('\r\n');
const HEADERS_END = Buffer.from('\r\n\r\n');

/** A part's `Content-Disposition` name and filename, and its content type. */
function partHeaders(raw: string): { name: string; filename?: string; contentType: string } {
  let name: string | undefined;
  let filename: string | undefined;
  let contentType = 'application/octet-stream';
  for (const line of raw.split('\r\n')) {
    const colon = line.indexOf(':');
    const header = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (header === 'content-disposition') {
      name = /;\s*name="([^"]*)"/i.exec(value)?.[1];
      filename = /;\s*filename="([^"]*)"/i.exec(value)?.[1];
    } else if (header === 'content-type') {
      contentType = value.split(';')[0]!.trim().toLowerCase();
    }
  }
  if (name === undefined) throw new InvalidBody('a part of the form has no name');
  return { name, contentType, ...(filename === undefined ? {} : { filename }) };
}

/**
 * Reads a `multipart/form-data` body: its text fields into the returned record (a name given twice keeps its
 * values in an array), and each file to `onFile` with the fields read before it. A file part with no file chosen
 * (an empty filename) is skipped. A malformed or truncated body is `400 invalid_body`. When the body or `onFile`
 * refuses the form, up to `drainBytes` more of the body are read and dropped before the refusal is thrown (default
 * none), so that a client still sending a small form gets the answer rather than a connection closed under it.
 */
export async function readMultipart(
  body: AsyncIterable<Uint8Array>,
  boundary: string,
  onFile: (file: MultipartFile, fields: Readonly<Record<string, string | string[]>>) => Promise<void>,
  options: { readonly drainBytes?: number } = {},
): Promise<Record<string, string | string[]>> {
  const reader = new Reader(body);
  try {
    return await readParts(reader, boundary, onFile);
  } catch (err) {
    // a body the client broke off is not waited for
    if (options.drainBytes) await reader.drain(options.drainBytes).catch(() => false);
    throw err;
  }
}

async function readParts(
  reader: Reader,
  boundary: string,
  onFile: (file: MultipartFile, fields: Readonly<Record<string, string | string[]>>) => Promise<void>,
): Promise<Record<string, string | string[]>> {
  const fields: Record<string, string | string[]> = {};
  let count = 0;
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // the first delimiter has no line break before it: read the preamble as if it had one
  const first = Buffer.from(`--${boundary}`);
  if (!(await reader.peek(first.length)).equals(first)) await reader.until(delimiter, 1024, 'the preamble');
  else reader.skip(first.length);
  for (;;) {
    const after = await reader.peek(2);
    if (after.toString('latin1') === '--') return fields;
    if (!after.equals(CRLF)) throw new InvalidBody('the form is not multipart/form-data as its boundary says');
    reader.skip(2);
    const raw = await reader.until(HEADERS_END, MULTIPART_LIMITS.headerBytes, "a part's headers");
    const part = partHeaders(raw.toString('utf8'));
    if (part.filename !== undefined) {
      const bytes = reader.stream(delimiter);
      if (part.filename === '') {
        for await (const _ of bytes); // no file chosen: an empty part
      } else {
        await onFile({ name: part.name, filename: part.filename, contentType: part.contentType, body: bytes }, fields);
      }
      continue;
    }
    if (++count > MULTIPART_LIMITS.fields) throw new InvalidBody('the form has too many fields');
    const value = (await reader.until(delimiter, MULTIPART_LIMITS.fieldBytes, `field ${part.name}`)).toString('utf8');
    const known = fields[part.name];
    fields[part.name] = known === undefined ? value : [...(Array.isArray(known) ? known : [known]), value];
  }
}
