import {
  evidenceKindOf,
  evidenceRefusal,
  mediaTypeRefusal,
  SIGNATURE_BYTES,
} from '../../../src/domain/media-signature.js';
import { asAudio, asVideo } from '../../support/media-bytes.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const padded = (head: Buffer) => Buffer.concat([head, Buffer.alloc(SIGNATURE_BYTES)]);

describe('a medium declared audio or video, judged by its first bytes', () => {
  it.each([
    ['MP4 (ftyp)', asVideo('x')],
    ['QuickTime (moov first)', bytes([0, 0, 0, 8], 'moov')],
    ['Matroska / WebM', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f])],
    ['AVI', bytes('RIFF', [0, 0, 0, 0], 'AVI LIST')],
    ['WAVE', bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt ')],
    ['Ogg', bytes('OggS', [0])],
    ['FLV', bytes('FLV', [1, 5])],
    ['ASF', bytes([0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11, 0xa6, 0xd9])],
    ['MPEG-PS', bytes([0, 0, 1, 0xba, 0x44])],
    ['MPEG-TS', Buffer.concat([bytes([0x47]), Buffer.alloc(187), bytes([0x47, 0x40])])],
    ['H.264 Annex B', bytes([0, 0, 0, 1, 0x67])],
    ['MP3 with ID3', asAudio('x')],
    ['MPEG audio frame', bytes([0xff, 0xfb, 0x90])],
    ['AAC ADTS', bytes([0xff, 0xf1, 0x50])],
    ['FLAC', bytes('fLaC')],
    ['AMR', bytes('#!AMR\n')],
    ['AIFF', bytes('FORM', [0, 0, 0, 0], 'AIFF')],
  ])('when it starts as %s, then it is kept', (_, head) => {
    expect(mediaTypeRefusal('video/mp4', padded(head))).toBeUndefined();
    expect(mediaTypeRefusal('audio/mpeg', padded(head))).toBeUndefined();
  });

  it.each([
    ['text', Buffer.from('a text file, declared a video')],
    ['a JPEG photo', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF')],
    ['a PDF', bytes('%PDF-1.7')],
    ['zeros', Buffer.alloc(SIGNATURE_BYTES)],
    ['one sync byte of a transport stream alone', Buffer.concat([bytes([0x47]), Buffer.alloc(200)])],
    ['nothing', Buffer.alloc(0)],
    ['a box name cut short', bytes([0, 0, 0, 8], 'ft')],
    ['a text with a box name in its fifth to eighth letters', Buffer.from('abcdfree this is just a text note')],
    ['a text starting "The free"', Buffer.from('The free text of an inspection note')],
    ['a UTF-16 text (its byte-order mark)', Buffer.from('\ufeff现场笔录', 'utf16le')],
  ])('when it is %s, then it is refused as no recording', (_, head) => {
    expect(mediaTypeRefusal('video/mp4', head)).toMatch(/declared video\/mp4, but its first bytes are not/);
    expect(mediaTypeRefusal('Audio/MPEG; charset=x', head)).toMatch(/declared audio\/mpeg/);
  });

  it('when a medium is declared another type, then its bytes are not judged', () => {
    const text = Buffer.from('anything at all');
    for (const type of ['image/jpeg', 'application/pdf', 'application/octet-stream', 'text/plain', 'x/y']) {
      expect(mediaTypeRefusal(type, text)).toBeUndefined();
    }
  });
});

describe('a file the portal takes as evidence of an act, judged by its declared type and first bytes', () => {
  it.each([
    ['video/mp4', 'recording'],
    ['Audio/AMR', 'recording'],
    ['image/jpeg', 'image'],
    ['image/heic', 'image'],
    ['application/pdf', 'pdf'],
    ['application/x-msdownload', undefined],
    ['application/x-ms-dos-executable', undefined],
    ['application/octet-stream', undefined],
    ['text/plain', undefined],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', undefined],
  ])('when declared %s, then it is of kind %s', (type, kind) => {
    expect(evidenceKindOf(type)).toBe(kind);
  });

  it.each([
    ['JPEG', 'image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe1], 'Exif')],
    ['PNG', 'image/png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['GIF', 'image/gif', bytes('GIF89a')],
    ['WebP', 'image/webp', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ')],
    ['HEIC, as a phone takes it', 'image/heic', bytes([0, 0, 0, 0x18], 'ftypheic')],
    ['TIFF', 'image/tiff', bytes([0x49, 0x49, 0x2a, 0x00])],
    ['BMP', 'image/bmp', bytes('BM')],
    ['PDF', 'application/pdf', bytes('%PDF-1.7\n')],
    ['a video', 'video/mp4', asVideo('x')],
  ])('when it is a %s, then it is kept', (_, type, head) => {
    expect(evidenceRefusal(type, padded(head))).toBeUndefined();
  });

  it.each([
    ['a text named .jpg', 'image/jpeg', Buffer.from('not a photo at all')],
    ['a PDF declared a photo', 'image/png', bytes('%PDF-1.7')],
    ['an executable declared a photo', 'image/jpeg', bytes('MZ', [0x90, 0])],
    ['a photo declared a PDF', 'application/pdf', bytes([0xff, 0xd8, 0xff, 0xe0])],
    ['a video-brand ISO file declared a photo', 'image/heic', bytes([0, 0, 0, 0x18], 'ftypisom')],
    ['a text declared a video', 'video/mp4', Buffer.from('a text file')],
  ])('when it is %s, then it is refused', (_, type, head) => {
    expect(evidenceRefusal(type, head)).toMatch(
      new RegExp(`^declared ${type.replace('/', '\\/')}, but its first bytes`),
    );
  });
});
