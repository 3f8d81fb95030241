/**
 * Flat web-page pieces for the mock-ups: header, text, fields, buttons, tabs,
 * radios, a step bar and a phone frame. Each returns the rectangle it drew,
 * and names it when given a region name.
 */
import { Canvas, FONT, escapeXml, px, type Rect } from './canvas.js';
import { textWidth, type FontWeight } from './text-width.js';

/** White text on blue (9.4:1) and on pink (7.9:1) meets the 7:1 contrast of EASY-READ.md. */
export const COLOURS = {
  blue: '#0C419A',
  pink: '#A3004C',
  text: '#1A1A1A',
  muted: '#3F3F3F',
  border: '#5C5C5C',
  light: '#EAF0F8',
  prefilled: '#E2E5EA',
  white: '#FFFFFF',
  phone: '#1F2430',
} as const;

export interface TextOptions {
  x: number;
  /** Top of the line box, not the baseline. */
  y: number;
  text: string;
  size?: number;
  weight?: FontWeight;
  colour?: string;
  anchor?: 'start' | 'middle' | 'end';
  underline?: boolean;
  region?: string;
}

/** Line box height for a font size; the baseline sits at 0.95 em from its top. */
export function lineHeight(size: number): number {
  return px(size * 1.3);
}

export function drawText(canvas: Canvas, options: TextOptions): Rect {
  const size = options.size ?? 22;
  const weight = options.weight ?? 400;
  const colour = options.colour ?? COLOURS.text;
  const anchor = options.anchor ?? 'start';
  const width = textWidth(options.text, size, weight);
  const left = anchor === 'start' ? options.x : anchor === 'middle' ? options.x - width / 2 : options.x - width;
  const baseline = px(options.y + size * 0.95);
  canvas.add(
    `<text x="${px(options.x)}" y="${baseline}" font-family="${FONT}" font-size="${size}" font-weight="${weight}" fill="${colour}" text-anchor="${anchor}">${escapeXml(options.text)}</text>`,
  );
  if (options.underline) {
    const thickness = Math.max(2, px(size / 12));
    canvas.add(`<rect x="${px(left)}" y="${baseline + px(size * 0.14)}" width="${px(width)}" height="${thickness}" fill="${colour}"/>`);
  }
  const rect = { x: px(left), y: px(options.y), w: px(width), h: lineHeight(size) };
  return options.region ? canvas.name(options.region, pad(rect, 4)) : rect;
}

/** A rectangle grown by `margin` on every side (callouts look better with air around text). */
export function pad(rect: Rect, margin: number): Rect {
  return { x: rect.x - margin, y: rect.y - margin, w: rect.w + 2 * margin, h: rect.h + 2 * margin };
}

/** Splits text into lines no wider than `width`, breaking between words. */
export function wrapWords(text: string, width: number, size: number, weight: FontWeight = 400): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(candidate, size, weight) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

export interface ParagraphOptions {
  x: number;
  y: number;
  width: number;
  text: string;
  size?: number;
  weight?: FontWeight;
  colour?: string;
  region?: string;
}

export function drawParagraph(canvas: Canvas, options: ParagraphOptions): Rect {
  const size = options.size ?? 22;
  const lines = wrapWords(options.text, options.width, size, options.weight);
  let y = options.y;
  for (const line of lines) {
    drawText(canvas, { x: options.x, y, text: line, size, weight: options.weight, colour: options.colour });
    y += lineHeight(size);
  }
  const rect = { x: options.x, y: options.y, w: options.width, h: y - options.y };
  return options.region ? canvas.name(options.region, rect) : rect;
}

export type ButtonVariant = 'primary' | 'secondary' | 'pink';

export interface ButtonOptions {
  x: number;
  y: number;
  label: string;
  variant?: ButtonVariant;
  w?: number;
  h?: number;
  size?: number;
  region?: string;
}

/** Fill colour of a button variant (the test reads it back from the PNG). */
export function buttonFill(variant: ButtonVariant): string {
  return variant === 'primary' ? COLOURS.blue : variant === 'pink' ? COLOURS.pink : COLOURS.white;
}

export function drawButton(canvas: Canvas, options: ButtonOptions): Rect {
  const variant = options.variant ?? 'primary';
  const size = options.size ?? 22;
  const h = options.h ?? 56;
  const w = options.w ?? px(textWidth(options.label, size, 700) + 56);
  const fill = buttonFill(variant);
  const ink = variant === 'secondary' ? COLOURS.blue : COLOURS.white;
  // A border is drawn inside the rectangle, so the named region covers the whole button.
  const border = variant === 'secondary' ? 3 : 0;
  const stroke = border > 0 ? ` stroke="${COLOURS.blue}" stroke-width="${border}"` : '';
  canvas.add(
    `<rect x="${px(options.x) + border / 2}" y="${px(options.y) + border / 2}" width="${w - border}" height="${h - border}" rx="6" fill="${fill}"${stroke}/>`,
  );
  drawText(canvas, {
    x: options.x + w / 2,
    y: options.y + h / 2 - size * 0.6,
    text: options.label,
    size,
    weight: 700,
    colour: ink,
    anchor: 'middle',
  });
  const rect = { x: px(options.x), y: px(options.y), w, h };
  return options.region ? canvas.name(options.region, rect) : rect;
}

export interface FieldOptions {
  x: number;
  y: number;
  w: number;
  h?: number;
  value?: string;
  /** Draws this many dots instead of a value, like a password field. */
  dots?: number;
  prefilled?: boolean;
  size?: number;
  region?: string;
}

export function drawField(canvas: Canvas, options: FieldOptions): Rect {
  const h = options.h ?? 52;
  const size = options.size ?? 22;
  const fill = options.prefilled ? COLOURS.prefilled : COLOURS.white;
  canvas.add(
    `<rect x="${px(options.x) + 1}" y="${px(options.y) + 1}" width="${px(options.w) - 2}" height="${h - 2}" rx="4" fill="${fill}" stroke="${COLOURS.border}" stroke-width="2"/>`,
  );
  if (options.value !== undefined) {
    drawText(canvas, { x: options.x + 14, y: options.y + h / 2 - size * 0.62, text: options.value, size });
  }
  for (let dot = 0; dot < (options.dots ?? 0); dot++) {
    canvas.add(`<circle cx="${px(options.x + 24 + dot * 24)}" cy="${px(options.y + h / 2)}" r="7" fill="${COLOURS.text}"/>`);
  }
  const rect = { x: px(options.x), y: px(options.y), w: px(options.w), h };
  return options.region ? canvas.name(options.region, rect) : rect;
}

export interface LabelledFieldOptions extends FieldOptions {
  label: string;
  hint?: string;
  labelSize?: number;
}

/**
 * A label above its field (and an optional hint under the label); returns
 * the bottom of the field. With a region, the field is named `<region>` and
 * the label with its field `<region>-et-libelle`: a step frames the two, so
 * that its enlarged inset says which box it is.
 */
export function drawLabelledField(canvas: Canvas, options: LabelledFieldOptions): number {
  const labelSize = options.labelSize ?? 22;
  const label = drawText(canvas, { x: options.x, y: options.y, text: options.label, size: labelSize, weight: 700 });
  let fieldTop = options.y + lineHeight(labelSize) + 6;
  if (options.hint) {
    drawText(canvas, { x: options.x, y: fieldTop - 4, text: options.hint, size: labelSize - 2, colour: COLOURS.muted });
    fieldTop += lineHeight(labelSize - 2);
  }
  const field = drawField(canvas, { ...options, y: fieldTop });
  if (options.region) nameLabelAndField(canvas, `${options.region}-et-libelle`, label, field);
  return field.y + field.h;
}

/** Names the rectangle around a label and its field, with a little air above the label. */
export function nameLabelAndField(canvas: Canvas, region: string, label: Rect, field: Rect): Rect {
  const top = Math.max(0, label.y - 6);
  const right = Math.max(label.x + label.w, field.x + field.w);
  return canvas.name(region, { x: field.x, y: top, w: right - field.x, h: field.y + field.h - top });
}

export interface RadioOptions {
  x: number;
  y: number;
  label: string;
  checked: boolean;
  size?: number;
  region?: string;
}

export function drawRadio(canvas: Canvas, options: RadioOptions): Rect {
  const size = options.size ?? 22;
  const radius = 13;
  const cy = options.y + lineHeight(size) / 2;
  canvas.add(`<circle cx="${px(options.x + radius)}" cy="${px(cy)}" r="${radius}" fill="${COLOURS.white}" stroke="${COLOURS.border}" stroke-width="2.5"/>`);
  if (options.checked) canvas.add(`<circle cx="${px(options.x + radius)}" cy="${px(cy)}" r="7" fill="${COLOURS.blue}"/>`);
  const label = drawText(canvas, { x: options.x + 2 * radius + 12, y: options.y, text: options.label, size });
  const rect = { x: px(options.x), y: px(options.y), w: label.x + label.w - px(options.x), h: label.h };
  return options.region ? canvas.name(options.region, pad(rect, 6)) : rect;
}

/** "Étape 1 › Étape 2 › Étape 3" with the current step filled blue. */
export function drawStepper(canvas: Canvas, x: number, y: number, current: 1 | 2 | 3, region?: string): Rect {
  const size = 20;
  const h = 40;
  let left = x;
  for (const step of [1, 2, 3] as const) {
    const label = `Étape ${step}`;
    const w = px(textWidth(label, size, 700) + 32);
    const active = step === current;
    canvas.add(
      `<rect x="${px(left)}" y="${y}" width="${w}" height="${h}" rx="20" fill="${active ? COLOURS.blue : COLOURS.light}" stroke="${active ? COLOURS.blue : COLOURS.border}" stroke-width="1.5"/>`,
    );
    drawText(canvas, { x: left + w / 2, y: y + h / 2 - size * 0.6, text: label, size, weight: 700, colour: active ? COLOURS.white : COLOURS.text, anchor: 'middle' });
    left += w;
    if (step < 3) {
      drawText(canvas, { x: left + 18, y: y + h / 2 - 17, text: '›', size: 24, weight: 700, colour: COLOURS.muted, anchor: 'middle' });
      left += 36;
    }
  }
  const rect = { x, y, w: px(left - x), h };
  return region ? canvas.name(region, rect) : rect;
}

/** The blue band of every desktop page: "l'Assurance Maladie" on the left, a site name on the right. */
export function drawDesktopHeader(canvas: Canvas, rightText: string, region?: string): number {
  const h = 88;
  canvas.add(`<rect x="0" y="0" width="${canvas.width}" height="${h}" fill="${COLOURS.blue}"/>`);
  const title = drawText(canvas, { x: 48, y: 26, text: "l'Assurance Maladie", size: 30, weight: 700, colour: COLOURS.white });
  if (region) canvas.name(region, pad(title, 8));
  drawText(canvas, { x: canvas.width - 48, y: 30, text: rightText, size: 26, weight: 700, colour: COLOURS.white, anchor: 'end' });
  return h;
}

/** A thin grey rule that separates page sections. */
export function drawRule(canvas: Canvas, x: number, y: number, w: number): void {
  canvas.add(`<rect x="${px(x)}" y="${px(y)}" width="${px(w)}" height="2" fill="#C9CED6"/>`);
}

/** Draws a phone around the whole canvas and returns the screen rectangle. */
export function drawPhoneFrame(canvas: Canvas): Rect {
  const screen = { x: 24, y: 72, w: canvas.width - 48, h: canvas.height - 144 };
  canvas.add(`<rect x="2" y="2" width="${canvas.width - 4}" height="${canvas.height - 4}" rx="60" fill="${COLOURS.phone}"/>`);
  canvas.add(`<rect x="${px(canvas.width / 2 - 50)}" y="32" width="100" height="10" rx="5" fill="#4A5060"/>`);
  canvas.add(`<rect x="${screen.x}" y="${screen.y}" width="${screen.w}" height="${screen.h}" rx="6" fill="${COLOURS.white}"/>`);
  canvas.add(`<rect x="${px(canvas.width / 2 - 70)}" y="${canvas.height - 44}" width="140" height="8" rx="4" fill="#4A5060"/>`);
  return screen;
}

/** The blue bar at the top of an app screen; returns its bottom. */
export function drawAppBar(canvas: Canvas, screen: Rect, title: string, region?: string): number {
  const h = 96;
  canvas.add(`<rect x="${screen.x}" y="${screen.y}" width="${screen.w}" height="${h}" fill="${COLOURS.blue}"/>`);
  drawText(canvas, { x: screen.x + screen.w / 2, y: screen.y + h / 2 - 17, text: title, size: 28, weight: 700, colour: COLOURS.white, anchor: 'middle', region });
  return screen.y + h;
}
