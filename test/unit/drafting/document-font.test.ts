import fs from 'node:fs';
import path from 'node:path';
import { documentFontSource, loadDocumentFont } from '../../../src/adapters/documents/font.js';
import { ConfigError } from '../../../src/errors.js';
import { freshTempDir } from '../../support/temp-dir.js';

const dir = freshTempDir('document-font');

describe('the documents font (LEDGER_DOCUMENT_FONT)', () => {
  it('when unset, then the default package font is read once and has the characters documents need', async () => {
    const font = await loadDocumentFont();
    expect(font.data.length).toBeGreaterThan(1_000_000);
    expect(font.family).toMatch(/Noto Sans/);
    expect(await loadDocumentFont()).toBe(font); // read and checked once per process
  });

  it('when it names a missing file, then start-up stops with a message naming the variable', async () => {
    const file = path.join(dir(), 'none.otf');
    await expect(loadDocumentFont(file)).rejects.toThrow(ConfigError);
    await expect(loadDocumentFont(file)).rejects.toThrow(/LEDGER_DOCUMENT_FONT.*cannot read/);
  });

  it('when it names a file that is not a font, then start-up stops, and a font put there later is read', async () => {
    const file = path.join(dir(), 'not-a-font.ttf');
    fs.writeFileSync(file, 'not a font');
    await expect(loadDocumentFont(file)).rejects.toThrow(/is not a TrueType or OpenType font/);
    fs.copyFileSync((await loadDocumentFont()).file, file);
    expect((await loadDocumentFont(file)).file).toBe(file); // a failure is not remembered
  });

  it('when the service starts with a configured font that is not one, then start-up stops; with a good one, then it is the font documents get', async () => {
    const file = path.join(dir(), 'configured.ttf');
    fs.writeFileSync(file, 'not a font');
    await expect(documentFontSource(file)).rejects.toThrow(/LEDGER_DOCUMENT_FONT.*is not a TrueType or OpenType font/);
    fs.copyFileSync((await loadDocumentFont()).file, file);
    const source = await documentFontSource(file);
    expect((await source()).file).toBe(file);
  });

  it('when the service starts with the default font, then the file is not read until a document asks for it, and then it is the checked default', async () => {
    const read = jest.spyOn(fs, 'readFileSync');
    try {
      const source = await documentFontSource();
      expect(read.mock.calls.filter(([f]) => String(f).endsWith('.otf'))).toEqual([]);
      expect(await source()).toBe(await loadDocumentFont());
    } finally {
      read.mockRestore();
    }
  });
});
