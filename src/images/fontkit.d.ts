// The little of fontkit (pdfkit's font engine) that livret uses: callout digits drawn as paths, the letters' line metrics.
declare module 'fontkit' {
  export interface GlyphPath {
    toSVG(): string;
  }
  export interface Glyph {
    path: GlyphPath;
  }
  export interface GlyphPosition {
    xAdvance: number;
  }
  export interface GlyphRun {
    glyphs: Glyph[];
    positions: GlyphPosition[];
  }
  export interface Font {
    unitsPerEm: number;
    capHeight: number;
    ascent: number;
    descent: number;
    lineGap: number;
    layout(text: string): GlyphRun;
  }
  export function create(buffer: Buffer): Font;
}
