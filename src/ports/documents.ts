import type { DocumentModel } from '../domain/drafting/render.js';

/** The writers of decision documents in their two formats; `createdAt` dates the file. */
export interface DocumentWriters {
  pdf(model: DocumentModel, createdAt: Date): Promise<Buffer>;
  docx(model: DocumentModel, createdAt: Date): Buffer;
}
