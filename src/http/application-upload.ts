import type { Request, Response } from 'express';
import {
  ATTACHMENT_TYPES,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  type Attachment,
} from '../domain/application/application.js';
import { violation } from '../domain/errors.js';
import { InvalidBody } from '../errors.js';
import type { BlobInfo, BlobStore, StoredBlob } from '../ports/blob-store.js';
import { multipartBoundary, readMultipart } from './multipart.js';
import { contentCodingRefusal } from './request.js';

/** What a filing form carried: its text fields, its files stored (by digest) and described as attachments. */
export interface ApplicationUpload {
  readonly fields: Readonly<Record<string, string | string[]>>;
  readonly attachments: Attachment[];
  readonly stored: Map<string, BlobInfo & { readonly version?: string }>;
}

/** The form control (API part) that carries a file. */
export const ATTACHMENT_FIELD = 'attachment';
const MAX_NAME_CHARS = 255;

/** A file's name as the device gave it, without any folder, at most {@link MAX_NAME_CHARS} characters. */
function fileName(given: string): string {
  const base = given.split(/[\\/]/).pop()?.trim() ?? '';
  return [...(base || 'attachment')].slice(0, MAX_NAME_CHARS).join('');
}

/**
 * Reads a `multipart/form-data` filing (the API's and the portal's form): text fields, and at most
 * {@link MAX_ATTACHMENTS} `attachment` files, each a PDF, JPEG or PNG of at most {@link MAX_ATTACHMENT_BYTES}
 * bytes, streamed to the media store as they arrive. Another file, one too many or too large is refused (422
 * `attachments_invalid`, 413 `too_large`) and nothing more of it stored, the rest of a form of a filing's size read
 * and dropped so that its sender reads the answer; a form sent with a `Content-Encoding` (415
 * `unsupported_media_type`) is refused before any of it is read; a body that is not a form is `undefined`.
 */
export async function readApplicationUpload(
  req: Request,
  res: Response,
  blobs: Pick<BlobStore, 'put'>,
  /**
   * Told the fields read so far when a file begins (the form sends its text before its files): a form refused for
   * a file is shown again with what was typed.
   */
  onFields?: (fields: Readonly<Record<string, string | string[]>>) => void,
): Promise<ApplicationUpload | undefined> {
  const type = req.get('content-type');
  const boundary = multipartBoundary(type);
  if (boundary === undefined) {
    // a form whose parts cannot be told apart is a malformed body, not a type this route does not take
    if (type !== undefined && /^multipart\/form-data\s*(;|$)/i.test(type)) {
      throw new InvalidBody(
        'a multipart/form-data body names its boundary: Content-Type: multipart/form-data; boundary=…',
      );
    }
    return undefined;
  }
  // its files are stored as sent, as a medium is: a form sent with a content coding is refused unread
  const coded = contentCodingRefusal(req, res, 'a form with attachments');
  if (coded) throw coded;
  const attachments: Attachment[] = [];
  const stored = new Map<string, StoredBlob>();
  const fields = await readMultipart(
    req,
    boundary,
    async (file, read) => {
      onFields?.({ ...read });
      if (file.name !== ATTACHMENT_FIELD) throw violation('attachments_invalid', `files go in "${ATTACHMENT_FIELD}"`);
      if (attachments.length >= MAX_ATTACHMENTS)
        throw violation('attachments_invalid', `at most ${MAX_ATTACHMENTS} attachments`, { max: MAX_ATTACHMENTS });
      if (!(ATTACHMENT_TYPES as readonly string[]).includes(file.contentType))
        throw violation('attachments_invalid', 'an attachment is a PDF, JPEG or PNG file', {
          accepted: ATTACHMENT_TYPES,
        });
      const blob = await blobs.put(file.body, { contentType: file.contentType, maxBytes: MAX_ATTACHMENT_BYTES });
      if (blob.size === 0) throw violation('attachments_invalid', 'an attachment is empty');
      if (attachments.some((a) => a.sha256 === blob.sha256)) return; // the same file twice is filed once
      stored.set(blob.sha256, blob);
      attachments.push({
        sha256: blob.sha256,
        size: blob.size,
        contentType: file.contentType,
        name: fileName(file.filename),
      });
    },
    // a refused filing of the size a filing may have is read to its end before the answer, which its sender then reads
    { drainBytes: (MAX_ATTACHMENTS + 1) * MAX_ATTACHMENT_BYTES },
  );
  return { fields, attachments, stored };
}
