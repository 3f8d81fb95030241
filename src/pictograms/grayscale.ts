import sharp from 'sharp';
import { SHARP_INPUT } from '../images/process-image.js';

/**
 * Gray versions of colours and of SVG pictograms, for `--grayscale` (black
 * and white counter printers). A colour becomes the gray of the same relative
 * luminance (WCAG), so every contrast ratio is kept as it was in colour.
 */
const NAMED: Readonly<Record<string, string>> = {
  black: '#000000', white: '#ffffff', red: '#ff0000', green: '#008000', blue: '#0000ff', yellow: '#ffff00', orange: '#ffa500',
  gray: '#808080', grey: '#808080', silver: '#c0c0c0', navy: '#000080', purple: '#800080', maroon: '#800000', teal: '#008080',
  olive: '#808000', lime: '#00ff00', aqua: '#00ffff', cyan: '#00ffff', fuchsia: '#ff00ff', magenta: '#ff00ff', brown: '#a52a2a', pink: '#ffc0cb', gold: '#ffd700',
};

const toLinear = (channel: number) => {
  const value = channel / 255;
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
};
const fromLinear = (value: number) => Math.round(255 * (value <= 0.0031308 ? value * 12.92 : 1.055 * value ** (1 / 2.4) - 0.055));

/** [r, g, b] (0–255) of a CSS colour livret understands (#rgb, #rrggbb, #rrggbbaa, rgb(), rgba(), basic names), else undefined. */
export function parseColor(css: string): [number, number, number] | undefined {
  const value = css.trim().toLowerCase();
  const hex = NAMED[value] ?? value;
  let match = /^#([0-9a-f]{3,4})$/.exec(hex);
  if (match) return [0, 1, 2].map((index) => parseInt(match![1]![index]!.repeat(2), 16)) as [number, number, number];
  match = /^#([0-9a-f]{6})([0-9a-f]{2})?$/.exec(hex);
  if (match) return [0, 2, 4].map((index) => parseInt(match![1]!.slice(index, index + 2), 16)) as [number, number, number];
  match = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*[\d.]+\s*)?\)$/.exec(value);
  if (match) return [match[1], match[2], match[3]].map((part) => Math.min(255, Math.round(Number(part)))) as [number, number, number];
  return undefined;
}

/** WCAG relative luminance of an sRGB colour, 0 (black) to 1 (white). */
export function relativeLuminance([r, g, b]: readonly [number, number, number]): number {
  return 0.2126 * toLinear(r) + 0.7152 * toLinear(g) + 0.0722 * toLinear(b);
}

/** WCAG contrast ratio of two colours (1 to 21). */
export function contrastRatio(first: string, second: string): number {
  const [a, b] = [first, second].map((color) => relativeLuminance(parseColor(color) ?? [0, 0, 0]));
  return (Math.max(a!, b!) + 0.05) / (Math.min(a!, b!) + 0.05);
}

/** The gray of the same luminance, as #rrggbb; a value that is no colour (none, url(#…), currentColor) is kept. */
export function grayColor(css: string): string {
  const rgb = parseColor(css);
  if (!rgb) return css;
  const level = fromLinear(relativeLuminance(rgb)).toString(16).padStart(2, '0');
  return `#${level}${level}${level}`;
}

const COLOR_PROPERTIES = 'fill|stroke|stop-color|color|flood-color|lighting-color';

/** The SVG with every colour of a paint property (attributes and inline styles, gradients' stops included) turned gray. */
export function grayscaleSvg(svg: string): string {
  const attribute = new RegExp(`(\\s(?:${COLOR_PROPERTIES})\\s*=\\s*)(["'])([^"']*)\\2`, 'gi');
  const declaration = new RegExp(`((?:^|[;{"'\\s])(?:${COLOR_PROPERTIES})\\s*:\\s*)([^;"'}]+)`, 'gi');
  return svg
    .replace(attribute, (_, name: string, quote: string, value: string) => `${name}${quote}${grayColor(value)}${quote}`)
    .replace(declaration, (_, name: string, value: string) => `${name}${grayColor(value)}`);
}

/** The PNG and JPEG pictures embedded in an SVG (custom PNG pictograms) made gray with sharp. */
export async function grayscaleSvgImages(svg: string): Promise<string> {
  const pattern = /data:image\/(png|jpeg);base64,([A-Za-z0-9+/=\s]+)/g;
  const matches = [...svg.matchAll(pattern)];
  if (matches.length === 0) return svg;
  const grays = await Promise.all(
    matches.map(async (match) => {
      const gray = await sharp(Buffer.from(match[2]!.replace(/\s+/g, ''), 'base64'), SHARP_INPUT).toColourspace('b-w').png().toBuffer();
      return `data:image/png;base64,${gray.toString('base64')}`;
    }),
  );
  let index = 0;
  return svg.replace(pattern, () => grays[index++]!);
}
