/**
 * A SCHEMATIC map of the Orne département with the CPAM's reception points.
 * The outline is a rough polygon and towns sit at approximate coordinates: it
 * shows "where, roughly", not a survey. The agencies come from the seed
 * booklet; the towns of the appointment points, France Services houses, the
 * health examination centre and the neighbouring points are placeholders that
 * the CPAM must check before printing (the seed gives only their counts).
 * Every kind of point has its own colour AND shape, so the legend still reads
 * in grayscale.
 */
import type { MapSymbol } from '../../content/department-schema.js';
import { mapSymbolElements } from '../../layout/map-symbols.js';
import { Canvas } from './canvas.js';
import { textWidth } from './text-width.js';
import { COLOURS, drawText, lineHeight } from './widgets.js';

type PointKind = MapSymbol;

interface Place {
  town: string;
  lon: number;
  lat: number;
  kind: PointKind;
  /** Where the town name goes, to keep names from overlapping. */
  label?: 'right' | 'left' | 'above' | 'below';
  /** Pixels to shift the marker when two kinds share a town. */
  shift?: [number, number];
}

/** Rough outline of the Orne, clockwise from the north-west (longitude, latitude). */
const OUTLINE: ReadonlyArray<readonly [number, number]> = [
  [-0.86, 48.7], [-0.8, 48.82], [-0.62, 48.85], [-0.45, 48.82], [-0.3, 48.86], [-0.12, 48.85],
  [0.02, 48.9], [0.14, 48.97], [0.3, 48.96], [0.42, 48.9], [0.56, 48.88], [0.7, 48.85],
  [0.8, 48.78], [0.86, 48.69], [0.95, 48.62], [0.9, 48.5], [0.84, 48.4], [0.78, 48.33],
  [0.79, 48.24], [0.7, 48.2], [0.6, 48.26], [0.5, 48.31], [0.4, 48.4], [0.25, 48.42], [0.1, 48.41], [-0.05, 48.45],
  [-0.2, 48.51], [-0.4, 48.48], [-0.56, 48.46], [-0.7, 48.5], [-0.8, 48.54], [-0.87, 48.61],
];

const PLACES: readonly Place[] = [
  { town: 'Alençon', lon: 0.093, lat: 48.432, kind: 'siege', label: 'right' },
  { town: 'Argentan', lon: -0.016, lat: 48.744, kind: 'agence', label: 'below' },
  { town: 'Flers', lon: -0.569, lat: 48.748, kind: 'agence', label: 'above' },
  { town: "L'Aigle", lon: 0.628, lat: 48.765, kind: 'agence', label: 'above' },
  { town: 'Mortagne-au-Perche', lon: 0.547, lat: 48.52, kind: 'rendez-vous', label: 'above' },
  { town: 'La Ferté-Macé', lon: -0.359, lat: 48.59, kind: 'rendez-vous', label: 'below' },
  { town: 'Domfront', lon: -0.646, lat: 48.592, kind: 'rendez-vous', label: 'below' },
  { town: 'Sées', lon: 0.172, lat: 48.605, kind: 'rendez-vous', label: 'right' },
  { town: 'Vimoutiers', lon: 0.197, lat: 48.927, kind: 'rendez-vous', label: 'right' },
  { town: 'Bellême', lon: 0.56, lat: 48.375, kind: 'rendez-vous', label: 'left' },
  { town: 'Gacé', lon: 0.296, lat: 48.796, kind: 'france-services', label: 'right' },
  { town: 'Tinchebray', lon: -0.733, lat: 48.764, kind: 'france-services', label: 'below' },
  { town: 'Putanges', lon: -0.245, lat: 48.762, kind: 'france-services', label: 'below' },
  { town: 'Le Mêle-sur-Sarthe', lon: 0.36, lat: 48.51, kind: 'france-services', label: 'below' },
  { town: 'Longny-au-Perche', lon: 0.752, lat: 48.53, kind: 'france-services', label: 'below' },
  { town: 'Alençon', lon: 0.093, lat: 48.432, kind: 'examens', shift: [-104, -82] },
  // Alençon has an agency beside the head office: "4 agences … à Alençon, Argentan, Flers et L'Aigle".
  { town: 'Alençon', lon: 0.093, lat: 48.432, kind: 'agence', shift: [-60, -46] },
  { town: 'Mamers', lon: 0.369, lat: 48.349, kind: 'voisin', label: 'below' },
  { town: 'Nogent-le-Rotrou', lon: 0.822, lat: 48.321, kind: 'voisin', label: 'below' },
];

const MAP = { width: 1200, top: 30, height: 720 };
const LON_MIN = -0.95;
const LON_MAX = 1.0;
const LAT_MIN = 48.25;
const LAT_MAX = 49.0;
/** East–west degrees are shorter than north–south ones at this latitude. */
const LON_FACTOR = Math.cos((48.6 * Math.PI) / 180);
const SCALE = Math.min(MAP.width / ((LON_MAX - LON_MIN) * LON_FACTOR), MAP.height / (LAT_MAX - LAT_MIN));

function project(lon: number, lat: number): [number, number] {
  return [Math.round((lon - LON_MIN) * LON_FACTOR * SCALE), Math.round(MAP.top + (LAT_MAX - lat) * SCALE)];
}

/**
 * Drawn for print: the booklet prints the map across its text column (120 mm
 * in A5), so that 52 px here is 14.7 pt on paper. Only the CPAM's own places
 * (the head office and the agencies) carry their name, at that size; the
 * other marks are explained by the booklet's legend lines, each starting with
 * the same mark (src/layout/map-symbols.ts). The legend is not in the picture.
 */
export const MAP_LABEL_PIXELS = 52;
const LABEL_SIZE = MAP_LABEL_PIXELS;
const MARK_SIZE = { siege: 84, agence: 60, other: 52 } as const;

function markSize(kind: PointKind): number {
  return kind === 'siege' ? MARK_SIZE.siege : kind === 'agence' ? MARK_SIZE.agence : MARK_SIZE.other;
}

function townLabel(canvas: Canvas, place: Place, cx: number, cy: number, half: number): void {
  const box = lineHeight(LABEL_SIZE);
  const side = place.label ?? 'right';
  const x = side === 'right' ? cx + half + 10 : side === 'left' ? cx - half - 10 : cx;
  const y = side === 'above' ? cy - half - 6 - box : side === 'below' ? cy + half + 4 : cy - box / 2;
  const anchor = side === 'right' ? 'start' : side === 'left' ? 'end' : 'middle';
  // A white halo keeps names readable where they cross the outline.
  const width = textWidth(place.town, LABEL_SIZE, 700);
  const left = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
  canvas.add(`<rect x="${Math.round(left - 6)}" y="${Math.round(y + 4)}" width="${Math.round(width + 12)}" height="${box - 4}" rx="8" fill="${COLOURS.white}" fill-opacity="0.9"/>`);
  drawText(canvas, { x, y, text: place.town, size: LABEL_SIZE, weight: 700, anchor });
}

export function orneMap(): Canvas {
  const canvas = new Canvas(MAP.width, MAP.top + MAP.height + 30);
  const outline = OUTLINE.map(([lon, lat]) => project(lon, lat).join(',')).join(' ');
  canvas.add(`<polygon points="${outline}" fill="#F3F6EC" stroke="${COLOURS.text}" stroke-width="5" stroke-linejoin="round"/>`);
  const [orneX, orneY] = project(-0.47, 48.69);
  drawText(canvas, { x: orneX, y: orneY, text: 'ORNE', size: 56, weight: 700, colour: '#5C6B4A', anchor: 'middle' });
  for (const place of PLACES) {
    const [x, y] = project(place.lon, place.lat);
    const [dx, dy] = place.shift ?? [0, 0];
    const size = markSize(place.kind);
    canvas.add(mapSymbolElements(place.kind, x + dx, y + dy, size));
    // A shifted mark shares its town's name with the mark beside it.
    if (!place.shift && (place.kind === 'siege' || place.kind === 'agence')) townLabel(canvas, place, x + dx, y + dy, size / 2);
  }
  return canvas;
}
