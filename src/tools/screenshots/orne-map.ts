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
import { Canvas } from './canvas.js';
import { textWidth } from './text-width.js';
import { COLOURS, drawText, lineHeight } from './widgets.js';

type PointKind = 'siege' | 'agence' | 'rendez-vous' | 'france-services' | 'examens' | 'limitrophe';

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
  { town: 'Alençon', lon: 0.093, lat: 48.432, kind: 'examens', shift: [-50, -26] },
  { town: 'Mamers', lon: 0.369, lat: 48.349, kind: 'limitrophe', label: 'below' },
  { town: 'Nogent-le-Rotrou', lon: 0.822, lat: 48.321, kind: 'limitrophe', label: 'below' },
];

const NEIGHBOURS = [
  { name: 'Calvados', lon: -0.35, lat: 48.93 },
  { name: 'Eure', lon: 0.75, lat: 48.93 },
  { name: 'Eure-et-Loir', lon: 1.0, lat: 48.25 },
  { name: 'Sarthe', lon: 0.05, lat: 48.27 },
  { name: 'Mayenne', lon: -0.72, lat: 48.38 },
] as const;

const LEGEND: ReadonlyArray<readonly [PointKind, string]> = [
  ['siege', 'Siège de la CPAM (Alençon)'],
  ['agence', 'Agence de la CPAM'],
  ['rendez-vous', 'Point d’accueil sur rendez-vous'],
  ['france-services', 'Maison France Services'],
  ['examens', 'Centre d’examens de santé'],
  ['limitrophe', 'Point d’accueil voisin (hors de l’Orne)'],
];

const MAP = { width: 1200, top: 40, height: 720 };
const LON_MIN = -0.95;
const LON_MAX = 1.1;
const LAT_MIN = 48.2;
const LAT_MAX = 49.0;
/** East–west degrees are shorter than north–south ones at this latitude. */
const LON_FACTOR = Math.cos((48.6 * Math.PI) / 180);
const SCALE = Math.min(MAP.width / ((LON_MAX - LON_MIN) * LON_FACTOR), MAP.height / (LAT_MAX - LAT_MIN));

function project(lon: number, lat: number): [number, number] {
  return [Math.round((lon - LON_MIN) * LON_FACTOR * SCALE), Math.round(MAP.top + (LAT_MAX - lat) * SCALE)];
}

const MARKER_COLOURS: Record<PointKind, string> = {
  siege: COLOURS.blue,
  agence: COLOURS.blue,
  'rendez-vous': '#00703C',
  'france-services': COLOURS.pink,
  examens: '#7A4A00',
  limitrophe: '#00703C',
};

/** Draws one marker centred on (cx, cy); returns its half-size for label placement. */
function marker(canvas: Canvas, kind: PointKind, cx: number, cy: number): number {
  const colour = MARKER_COLOURS[kind];
  switch (kind) {
    case 'siege': {
      const points = Array.from({ length: 10 }, (_, index) => {
        const radius = index % 2 === 0 ? 26 : 11;
        const angle = (Math.PI / 5) * index - Math.PI / 2;
        return `${(cx + radius * Math.cos(angle)).toFixed(1)},${(cy + radius * Math.sin(angle)).toFixed(1)}`;
      });
      canvas.add(`<polygon points="${points.join(' ')}" fill="${colour}" stroke="${COLOURS.white}" stroke-width="2"/>`);
      return 26;
    }
    case 'agence':
      canvas.add(`<rect x="${cx - 15}" y="${cy - 15}" width="30" height="30" fill="${colour}" stroke="${COLOURS.white}" stroke-width="2"/>`);
      return 15;
    case 'rendez-vous':
      canvas.add(`<circle cx="${cx}" cy="${cy}" r="14" fill="${colour}" stroke="${COLOURS.white}" stroke-width="2"/>`);
      return 14;
    case 'france-services':
      canvas.add(`<polygon points="${cx},${cy - 17} ${cx + 16},${cy + 13} ${cx - 16},${cy + 13}" fill="${colour}" stroke="${COLOURS.white}" stroke-width="2"/>`);
      return 16;
    case 'examens':
      canvas.add(`<circle cx="${cx}" cy="${cy}" r="17" fill="${COLOURS.white}" stroke="${colour}" stroke-width="3"/>`);
      canvas.add(`<rect x="${cx - 4}" y="${cy - 11}" width="8" height="22" fill="${colour}"/><rect x="${cx - 11}" y="${cy - 4}" width="22" height="8" fill="${colour}"/>`);
      return 17;
    case 'limitrophe':
      canvas.add(`<circle cx="${cx}" cy="${cy}" r="12" fill="${COLOURS.white}" stroke="${colour}" stroke-width="5"/>`);
      return 14;
  }
}

function townLabel(canvas: Canvas, place: Place, cx: number, cy: number, half: number): void {
  const size = place.kind === 'siege' || place.kind === 'agence' ? 24 : 20;
  const weight = place.kind === 'siege' || place.kind === 'agence' ? 700 : 400;
  const box = lineHeight(size);
  const side = place.label ?? 'right';
  const x = side === 'right' ? cx + half + 8 : side === 'left' ? cx - half - 8 : cx;
  const y = side === 'above' ? cy - half - 4 - box : side === 'below' ? cy + half + 2 : cy - box / 2;
  const anchor = side === 'right' ? 'start' : side === 'left' ? 'end' : 'middle';
  // A white halo keeps names readable where they cross the outline.
  const width = textWidth(place.town, size, weight);
  const left = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
  canvas.add(`<rect x="${Math.round(left - 3)}" y="${Math.round(y + 2)}" width="${Math.round(width + 6)}" height="${box - 2}" rx="4" fill="${COLOURS.white}" fill-opacity="0.85"/>`);
  drawText(canvas, { x, y, text: place.town, size, weight, anchor });
}

export function orneMap(): Canvas {
  const legendTop = MAP.top + MAP.height + 30;
  const canvas = new Canvas(MAP.width, legendTop + LEGEND.length * 50 + 40);
  const outline = OUTLINE.map(([lon, lat]) => project(lon, lat).join(',')).join(' ');
  canvas.add(`<polygon points="${outline}" fill="#F3F6EC" stroke="${COLOURS.text}" stroke-width="4" stroke-linejoin="round"/>`);
  for (const neighbour of NEIGHBOURS) {
    const [x, y] = project(neighbour.lon, neighbour.lat);
    drawText(canvas, { x, y, text: neighbour.name, size: 20, colour: COLOURS.muted, anchor: 'middle' });
  }
  const [orneX, orneY] = project(-0.35, 48.68);
  drawText(canvas, { x: orneX, y: orneY, text: 'ORNE', size: 34, weight: 700, colour: '#5C6B4A', anchor: 'middle' });
  for (const place of PLACES) {
    const [x, y] = project(place.lon, place.lat);
    const [dx, dy] = place.shift ?? [0, 0];
    const half = marker(canvas, place.kind, x + dx, y + dy);
    if (!place.shift) townLabel(canvas, place, x + dx, y + dy, half);
  }
  canvas.add(`<rect x="30" y="${legendTop - 10}" width="${MAP.width - 60}" height="${LEGEND.length * 50 + 20}" rx="8" fill="${COLOURS.white}" stroke="${COLOURS.border}" stroke-width="2"/>`);
  LEGEND.forEach(([kind, text], index) => {
    const cy = legendTop + 25 + index * 50;
    marker(canvas, kind, 80, cy);
    drawText(canvas, { x: 120, y: cy - lineHeight(24) / 2, text, size: 24 });
  });
  return canvas;
}
