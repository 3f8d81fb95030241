/**
 * A drawing surface that builds an SVG string and, in the same calls, records
 * the named rectangles (buttons, fields, numbers) that booklet steps point to
 * or mask. Drawing and naming share the same numbers, so regions.yaml can never
 * drift from the picture.
 */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The font every mock-up uses: DejaVu ships with most Linux systems and librsvg finds it. */
export const FONT = 'DejaVu Sans, sans-serif';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Whole pixels keep regions exact and the SVG byte-stable. */
export function px(value: number): number {
  return Math.round(value);
}

export class Canvas {
  private readonly parts: string[] = [];
  private readonly named = new Map<string, Rect>();

  private currentHeight: number;

  constructor(
    readonly width: number,
    height: number,
    private readonly background = '#FFFFFF',
  ) {
    this.currentHeight = height;
  }

  get height(): number {
    return this.currentHeight;
  }

  /** Cuts the page just below its content, so short pages do not carry a white band. */
  endAt(bottom: number, margin = 40): void {
    const height = px(bottom + margin);
    const lowest = Math.max(0, ...[...this.named.values()].map((rect) => rect.y + rect.h));
    if (height < lowest || height > this.currentHeight) {
      throw new Error(`make-screenshots: cannot end the page at ${height} px (content reaches ${lowest} px, page is ${this.currentHeight} px)`);
    }
    this.currentHeight = height;
  }

  /** Appends raw SVG markup (already escaped). */
  add(markup: string): void {
    this.parts.push(markup);
  }

  /** Records a named region; a duplicate name or a rectangle outside the picture is a bug in a page. */
  name(region: string, rect: Rect): Rect {
    if (this.named.has(region)) throw new Error(`make-screenshots: region "${region}" named twice`);
    const rounded = { x: px(rect.x), y: px(rect.y), w: px(rect.w), h: px(rect.h) };
    const outside =
      rounded.x < 0 || rounded.y < 0 || rounded.w <= 0 || rounded.h <= 0 ||
      rounded.x + rounded.w > this.width || rounded.y + rounded.h > this.height;
    if (outside) {
      throw new Error(`make-screenshots: region "${region}" ${JSON.stringify(rounded)} is outside ${this.width}×${this.height}`);
    }
    this.named.set(region, rounded);
    return rounded;
  }

  get regions(): ReadonlyMap<string, Rect> {
    return this.named;
  }

  toSvg(): string {
    return [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${this.width}" height="${this.height}" viewBox="0 0 ${this.width} ${this.height}">`,
      `<rect x="0" y="0" width="${this.width}" height="${this.height}" fill="${this.background}"/>`,
      ...this.parts,
      '</svg>',
    ].join('\n');
  }
}
