import { randomBytes } from 'node:crypto';
import { InvalidBody } from '../../src/errors.js';
import { multipartBoundary, readMultipart, type MultipartFile } from '../../src/web/forms/multipart.js';

const BOUNDARY = '----formdata-XyZ0123';

/** A form body as a browser encodes it: text fields, then a file. */
function formBody(fields: [string, string][], file?: { name: string; filename: string; type: string; bytes: Buffer }) {
  const parts: Buffer[] = fields.map(([name, value]) =>
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  if (file) {
    parts.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\n` +
          `Content-Type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(parts);
}

/** The body in chunks of `size` bytes, as a slow network might deliver it. */
async function* chunked(body: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < body.length; i += size) yield body.subarray(i, i + size);
}

async function collect(file: MultipartFile): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of file.body) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

describe('multipart/form-data', () => {
  it('when the content type names a boundary, then it is read, quoted or not; another type has none', () => {
    expect(multipartBoundary(`multipart/form-data; boundary=${BOUNDARY}`)).toBe(BOUNDARY);
    expect(multipartBoundary('multipart/form-data; boundary="a b"')).toBe('a b');
    expect(multipartBoundary('application/x-www-form-urlencoded')).toBeUndefined();
  });

  it.each([1, 7, 64, 100_000])(
    'when a form with fields and a file arrives in chunks of %i bytes, then the fields and the exact file bytes are read',
    async (size) => {
      // bytes that hold the boundary's start and line breaks, to catch a delimiter matched too early
      const bytes = Buffer.concat([randomBytes(3000), Buffer.from(`\r\n--${BOUNDARY.slice(0, 10)}`), randomBytes(500)]);
      const body = formBody(
        [
          ['_csrf', 'token'],
          ['data.items', '电动车一辆\r\n头盔两个'],
          ['media', 'a'],
          ['media', 'b'],
        ],
        { name: 'medium', filename: '现场.mp4', type: 'video/mp4', bytes },
      );
      let got: { file: MultipartFile; bytes: Buffer; fields: object } | undefined;
      const fields = await readMultipart(chunked(body, size), BOUNDARY, async (file, before) => {
        got = { file, bytes: await collect(file), fields: { ...before } };
      });
      expect(fields).toEqual({ _csrf: 'token', 'data.items': '电动车一辆\r\n头盔两个', media: ['a', 'b'] });
      expect(got?.file).toMatchObject({ name: 'medium', filename: '现场.mp4', contentType: 'video/mp4' });
      expect(got?.bytes.equals(bytes)).toBe(true);
      expect(got?.fields).toEqual(fields);
    },
  );

  it('when no file was chosen, then the callback is not called and the fields are read', async () => {
    const body = formBody([['a', '1']], {
      name: 'medium',
      filename: '',
      type: 'application/octet-stream',
      bytes: Buffer.alloc(0),
    });
    const onFile = jest.fn();
    await expect(readMultipart(chunked(body, 5), BOUNDARY, onFile)).resolves.toEqual({ a: '1' });
    expect(onFile).not.toHaveBeenCalled();
  });

  it('when the body ends early, then 400 invalid_body', async () => {
    const body = formBody([['a', '1']]);
    await expect(readMultipart(chunked(body.subarray(0, 40), 5), BOUNDARY, jest.fn())).rejects.toBeInstanceOf(
      InvalidBody,
    );
  });

  it('when a text field is longer than its limit, then 400 invalid_body', async () => {
    const body = formBody([['a', 'x'.repeat(70 * 1024)]]);
    await expect(readMultipart(chunked(body, 4096), BOUNDARY, jest.fn())).rejects.toThrow(/longer than/);
  });
});
