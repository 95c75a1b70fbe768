import fs from 'node:fs';
import path from 'node:path';
import { loadDocumentFont } from '../../../src/adapters/documents/font.js';
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
});
