/** The part of fontkit (pdfkit's font engine) that checks a configured font at start-up. */
declare module 'fontkit' {
  interface Font {
    readonly familyName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Buffer): Font | { readonly fonts: readonly Font[] };
}
