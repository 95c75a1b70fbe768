/**
 * Bytes that start as an MP4 file (an ISO base media `ftyp` box), then `rest`: what an upload declared `video/*` or
 * `audio/*` must start as to be stored (`mediaTypeRefusal`, src/domain/media-signature.ts).
 */
export function asVideo(rest: Uint8Array | string = ''): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypisom', 4, 'latin1');
  ftyp.writeUInt32BE(0x200, 12);
  ftyp.write('isommp41', 16, 'latin1');
  return Buffer.concat([ftyp, typeof rest === 'string' ? Buffer.from(rest, 'utf8') : rest]);
}

/** Bytes that start as an MP3 file with an ID3v2 tag, then `rest`. */
export function asAudio(rest: Uint8Array | string = ''): Buffer {
  const id3 = Buffer.from([0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
  return Buffer.concat([id3, typeof rest === 'string' ? Buffer.from(rest, 'utf8') : rest]);
}

/** Bytes that start as a JPEG photo (its start-of-image and JFIF marker), then `rest`. */
export function asJpeg(rest: Uint8Array | string = ''): Buffer {
  const soi = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
  return Buffer.concat([soi, typeof rest === 'string' ? Buffer.from(rest, 'utf8') : rest]);
}
