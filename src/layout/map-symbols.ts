import type { MapSymbol } from '../content/department-schema.js';

/**
 * The marks of a map of reception points, one shape and colour per kind of
 * place (a shape of its own, so the legend still reads in gray). The map
 * drawing tool (src/tools/screenshots/orne-map.ts) and the booklet's legend
 * lines draw the same marks from here, so a reader matches a line to a mark.
 */
const COLOURS: Record<MapSymbol, string> = {
  siege: '#0C419A',
  agence: '#0C419A',
  'rendez-vous': '#00703C',
  'france-services': '#A3004C',
  examens: '#7A4A00',
  voisin: '#00703C',
};

/** SVG elements of one mark centred on (cx, cy), `size` pixels across (its largest extent). */
export function mapSymbolElements(symbol: MapSymbol, cx: number, cy: number, size: number): string {
  const colour = COLOURS[symbol];
  const unit = size / 52;
  const at = (value: number) => Math.round(value * 100) / 100;
  const halo = `stroke="#FFFFFF" stroke-width="${at(2 * unit)}"`;
  switch (symbol) {
    case 'siege': {
      const points = Array.from({ length: 10 }, (_, index) => {
        const radius = (index % 2 === 0 ? 26 : 11) * unit;
        const angle = (Math.PI / 5) * index - Math.PI / 2;
        return `${at(cx + radius * Math.cos(angle))},${at(cy + radius * Math.sin(angle))}`;
      });
      return `<polygon points="${points.join(' ')}" fill="${colour}" ${halo}/>`;
    }
    case 'agence':
      return `<rect x="${at(cx - 17 * unit)}" y="${at(cy - 17 * unit)}" width="${at(34 * unit)}" height="${at(34 * unit)}" fill="${colour}" ${halo}/>`;
    case 'rendez-vous':
      return `<circle cx="${at(cx)}" cy="${at(cy)}" r="${at(16 * unit)}" fill="${colour}" ${halo}/>`;
    case 'france-services':
      return `<polygon points="${at(cx)},${at(cy - 19 * unit)} ${at(cx + 18 * unit)},${at(cy + 15 * unit)} ${at(cx - 18 * unit)},${at(cy + 15 * unit)}" fill="${colour}" ${halo}/>`;
    case 'examens':
      return (
        `<circle cx="${at(cx)}" cy="${at(cy)}" r="${at(18 * unit)}" fill="#FFFFFF" stroke="${colour}" stroke-width="${at(3.5 * unit)}"/>` +
        `<rect x="${at(cx - 4.5 * unit)}" y="${at(cy - 12 * unit)}" width="${at(9 * unit)}" height="${at(24 * unit)}" fill="${colour}"/>` +
        `<rect x="${at(cx - 12 * unit)}" y="${at(cy - 4.5 * unit)}" width="${at(24 * unit)}" height="${at(9 * unit)}" fill="${colour}"/>`
      );
    case 'voisin':
      return `<circle cx="${at(cx)}" cy="${at(cy)}" r="${at(13 * unit)}" fill="#FFFFFF" stroke="${colour}" stroke-width="${at(6 * unit)}"/>`;
  }
}

/** One mark as a square SVG document, for a legend line. */
export function mapSymbolSvg(symbol: MapSymbol, size: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">${mapSymbolElements(symbol, size / 2, size / 2, size * 0.96)}</svg>`;
}
