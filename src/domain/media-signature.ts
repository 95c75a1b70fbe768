/**
 * Whether an uploaded medium's first bytes agree with the media type it is declared as, for the types the rules rely
 * on: a recording that an act requires (a seizure's, a demolition's, a service's: `recording_required`) is a medium
 * declared `audio/*` or `video/*`, so a file declared so must start as an audio or video container of a known format.
 * Other types (photos, scans, documents) are kept as declared. Pure; the signatures are the formats' own magic
 * numbers, as each format's specification gives them.
 */

/** How many first bytes {@link mediaTypeRefusal} reads (an MPEG transport stream is recognised by its second packet). */
export const SIGNATURE_BYTES = 189;

/** The audio and video containers recognised, by the test of their first bytes. */
const CONTAINERS: readonly { readonly name: string; readonly test: (b: Uint8Array) => boolean }[] = [
  // ISO base media (MP4, M4A, M4V, 3GP, 3G2, F4V) and QuickTime (MOV): a box of one of these types comes first, its
  // 32-bit size below 16 MiB (a text never starts with a zero byte), or 1 (the size follows as 64 bits)
  {
    name: 'ISO base media / QuickTime',
    test: (b) =>
      ['ftyp', 'moov', 'mdat', 'wide', 'free', 'skip'].includes(ascii(b, 4, 4)) &&
      b[0] === 0 &&
      (b[1]! > 0 || b[2]! > 0 || b[3]! >= 8 || b[3] === 1),
  },
  // Matroska and WebM: an EBML header
  { name: 'Matroska / WebM', test: (b) => startsWith(b, [0x1a, 0x45, 0xdf, 0xa3]) },
  // RIFF: AVI and WAVE
  { name: 'AVI / WAVE', test: (b) => ascii(b, 0, 4) === 'RIFF' && ['AVI ', 'WAVE'].includes(ascii(b, 8, 4)) },
  { name: 'Ogg', test: (b) => ascii(b, 0, 4) === 'OggS' },
  { name: 'FLV', test: (b) => ascii(b, 0, 3) === 'FLV' && b[3] === 0x01 },
  // ASF (WMV, WMA): its header object's GUID
  { name: 'ASF', test: (b) => startsWith(b, [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11]) },
  // MPEG program stream (pack header) and MPEG video sequence header
  { name: 'MPEG-PS', test: (b) => startsWith(b, [0x00, 0x00, 0x01]) && (b[3] === 0xba || b[3] === 0xb3) },
  // MPEG transport stream: a sync byte at the start of each 188-byte packet
  { name: 'MPEG-TS', test: (b) => b.length > 188 && b[0] === 0x47 && b[188] === 0x47 },
  // H.264/H.265 elementary stream (Annex B start code), as some recorders export
  { name: 'H.26x Annex B', test: (b) => startsWith(b, [0x00, 0x00, 0x00, 0x01]) },
  // MP3 with an ID3v2 tag; an MPEG audio frame header of layer II or III (sync, a version that is not reserved: FF FE,
  // UTF-16's byte-order mark, would be a layer I header, which recorders do not write); an ADTS (AAC) header
  {
    name: 'MPEG audio',
    test: (b) => ascii(b, 0, 3) === 'ID3' || mpegAudioFrame(b) || (b[0] === 0xff && ((b[1] ?? 0) & 0xf6) === 0xf0),
  },
  { name: 'FLAC', test: (b) => ascii(b, 0, 4) === 'fLaC' },
  { name: 'AMR', test: (b) => ascii(b, 0, 5) === '#!AMR' },
  { name: 'AIFF', test: (b) => ascii(b, 0, 4) === 'FORM' && ['AIFF', 'AIFC'].includes(ascii(b, 8, 4)) },
  { name: 'Core Audio', test: (b) => ascii(b, 0, 4) === 'caff' },
  { name: 'Sun audio', test: (b) => ascii(b, 0, 4) === '.snd' },
];

/**
 * Why a medium declared `contentType` whose first bytes are `head` (at least {@link SIGNATURE_BYTES}, or the whole
 * medium when shorter) is refused, or undefined when it is not: an `audio/*` or `video/*` medium that does not start
 * as a known audio or video container is not a recording, whatever it is declared as.
 */
export function mediaTypeRefusal(contentType: string, head: Uint8Array): string | undefined {
  const type = contentType.split(';', 1)[0]!.trim().toLowerCase();
  if (!type.startsWith('audio/') && !type.startsWith('video/')) return undefined;
  if (CONTAINERS.some((c) => c.test(head))) return undefined;
  return `declared ${type}, but its first bytes are not those of an audio or video file of a known format`;
}

/** The image formats a photo of evidence is taken in, by the test of their first bytes. */
const IMAGES: readonly { readonly name: string; readonly test: (b: Uint8Array) => boolean }[] = [
  { name: 'JPEG', test: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { name: 'PNG', test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { name: 'GIF', test: (b) => ['GIF87a', 'GIF89a'].includes(ascii(b, 0, 6)) },
  { name: 'WebP', test: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP' },
  // HEIF (HEIC, as phones take photos) and AVIF: an ISO base media file whose brand names an image
  {
    name: 'HEIF / AVIF',
    test: (b) =>
      ascii(b, 4, 4) === 'ftyp' &&
      ['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1', 'avif'].includes(ascii(b, 8, 4)),
  },
  { name: 'TIFF', test: (b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]) },
  { name: 'BMP', test: (b) => ascii(b, 0, 2) === 'BM' },
];

/** The kinds of file the portal takes as evidence of an act: a recording, a photo, a document in PDF. */
export type EvidenceKind = 'recording' | 'image' | 'pdf';

/** The kind of evidence a declared media type is, or undefined for a type the portal does not take as evidence. */
export function evidenceKindOf(contentType: string): EvidenceKind | undefined {
  const type = contentType.split(';', 1)[0]!.trim().toLowerCase();
  if (type.startsWith('audio/') || type.startsWith('video/')) return 'recording';
  if (type.startsWith('image/')) return 'image';
  if (type === 'application/pdf') return 'pdf';
  return undefined;
}

/**
 * {@link mediaTypeRefusal}, and for a photo or a PDF as the portal takes evidence: a medium declared `image/*` must
 * start as an image of a known format, one declared `application/pdf` as a PDF (`%PDF-`). Undefined when it does
 * (or is of another type: which types the portal takes is {@link evidenceKindOf}'s to say).
 */
export function evidenceRefusal(contentType: string, head: Uint8Array): string | undefined {
  const kind = evidenceKindOf(contentType);
  const type = contentType.split(';', 1)[0]!.trim().toLowerCase();
  if (kind === 'image' && !IMAGES.some((f) => f.test(head))) {
    return `declared ${type}, but its first bytes are not those of an image of a known format`;
  }
  if (kind === 'pdf' && ascii(head, 0, 5) !== '%PDF-') {
    return `declared ${type}, but its first bytes are not those of a PDF document`;
  }
  return mediaTypeRefusal(contentType, head);
}

/** An MPEG-1/2/2.5 audio frame header of layer II or III: 11 sync bits, a version that is not reserved. */
function mpegAudioFrame(b: Uint8Array): boolean {
  if (b.length < 2 || b[0] !== 0xff || (b[1]! & 0xe0) !== 0xe0) return false;
  const version = (b[1]! >> 3) & 0x03;
  const layer = (b[1]! >> 1) & 0x03;
  return version !== 0x01 && (layer === 0x01 || layer === 0x02);
}

function ascii(b: Uint8Array, at: number, length: number): string {
  if (b.length < at + length) return '';
  return String.fromCharCode(...b.subarray(at, at + length));
}

function startsWith(b: Uint8Array, prefix: readonly number[]): boolean {
  return b.length >= prefix.length && prefix.every((byte, i) => b[i] === byte);
}
