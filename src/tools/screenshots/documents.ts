/**
 * Paper and plastic the reader copies numbers from: a bank-details slip (RIB)
 * and two carte Vitale designs. Stylised, with no real logo, bank or person.
 */
import { Canvas, type Rect } from './canvas.js';
import { SAMPLE } from './sample-person.js';
import { textWidth } from './text-width.js';
import { COLOURS, drawText, lineHeight, pad } from './widgets.js';

const RIB_WIDTH = 1200;
const RIB_LEFT = 40;
const RIB_INNER = RIB_WIDTH - 2 * RIB_LEFT;

interface Cell {
  text: string;
  width: number;
  region?: string;
  bold?: boolean;
}

/** A row of bordered cells; returns the rectangles so that callers can name groups of them. */
function cellRow(canvas: Canvas, y: number, h: number, cells: readonly Cell[], size: number): Rect[] {
  let x = RIB_LEFT;
  return cells.map((cell) => {
    const rect = { x, y, w: cell.width, h };
    canvas.add(`<rect x="${x}" y="${y}" width="${cell.width}" height="${h}" fill="${COLOURS.white}" stroke="${COLOURS.border}" stroke-width="1.5"/>`);
    drawText(canvas, { x: x + cell.width / 2, y: y + h / 2 - size * 0.62, text: cell.text, size, weight: cell.bold ? 700 : 400, anchor: 'middle' });
    if (cell.region) canvas.name(cell.region, rect);
    x += cell.width;
    return rect;
  });
}

function caption(canvas: Canvas, y: number, text: string): number {
  drawText(canvas, { x: RIB_LEFT + 4, y, text, size: 20, weight: 700, colour: COLOURS.muted });
  return y + lineHeight(20) + 6;
}

export function ribExemple(): Canvas {
  const canvas = new Canvas(RIB_WIDTH, 640);
  canvas.add(`<rect x="${RIB_LEFT}" y="30" width="${RIB_INNER}" height="64" fill="${COLOURS.prefilled}" stroke="${COLOURS.border}" stroke-width="1.5"/>`);
  drawText(canvas, { x: RIB_WIDTH / 2, y: 46, text: "RELEVÉ D'IDENTITÉ BANCAIRE", size: 26, weight: 700, anchor: 'middle', region: 'titre' });

  let y = caption(canvas, 116, 'Identifiant national de compte bancaire (RIB)');
  const columns = [170, 170, 330, 110, 140];
  const extra = RIB_INNER - columns.reduce((sum, width) => sum + width, 0);
  const widths = columns.map((width, index) => (index === 2 ? width + extra : width));
  const headers = ['Banque', 'Guichet', 'N° de compte', 'Clé', 'Devise'];
  cellRow(canvas, y, 44, headers.map((text, index) => ({ text, width: widths[index] ?? 0, bold: true })), 20);
  const { code, branch, account, key, currency } = SAMPLE.bank;
  const values = [
    { text: code, region: 'banque' },
    { text: branch, region: 'guichet' },
    { text: account, region: 'numero-compte' },
    { text: key, region: 'cle' },
    { text: currency },
  ];
  cellRow(canvas, y + 44, 56, values.map((value, index) => ({ ...value, width: widths[index] ?? 0 })), 24);
  y += 44 + 56 + 26;

  y = caption(canvas, y, 'Identifiant international de compte bancaire');
  y = caption(canvas, y, 'IBAN (International Bank Account Number)');
  // Six 4-character groups, then the last 7 characters in their own wider cell.
  const groups = SAMPLE.ibanGroups;
  const lastCell = 250;
  const groupWidth = (RIB_INNER - lastCell) / (groups.length - 2);
  const ibanCells: Cell[] = groups.slice(0, -2).map((text) => ({ text, width: groupWidth, bold: true }));
  ibanCells.push({ text: `${groups[groups.length - 2]} ${groups[groups.length - 1]}`, width: lastCell, bold: true, region: 'iban-7-derniers' });
  const iban = cellRow(canvas, y, 68, ibanCells, 30);
  canvas.name('iban', { x: RIB_LEFT, y, w: RIB_INNER, h: 68 });
  y = (iban[0]?.y ?? y) + 68 + 28;

  const bic = drawText(canvas, { x: RIB_LEFT + 4, y, text: 'BIC (Bank Identifier Code) : ', size: 22, weight: 700 });
  drawText(canvas, { x: bic.x + bic.w, y, text: SAMPLE.bic, size: 24, region: 'bic' });
  y += lineHeight(24) + 24;
  const bank = drawText(canvas, { x: RIB_LEFT + 4, y, text: 'Domiciliation : ', size: 22, weight: 700 });
  drawText(canvas, { x: bank.x + bank.w, y, text: `${SAMPLE.bankName} – ${SAMPLE.bankBranch}`, size: 22, region: 'banque-nom' });
  y += lineHeight(22) + 18;
  const owner = drawText(canvas, { x: RIB_LEFT + 4, y, text: 'Titulaire du compte : ', size: 22, weight: 700 });
  const ownerText = `Mme ${SAMPLE.name}, ${SAMPLE.postalCode} ${SAMPLE.city}`;
  drawText(canvas, { x: owner.x + owner.w, y, text: ownerText, size: 22, region: 'titulaire' });
  canvas.add(`<rect x="${RIB_LEFT / 2}" y="12" width="${RIB_WIDTH - RIB_LEFT}" height="${y + 60 - 12}" rx="6" fill="none" stroke="${COLOURS.border}" stroke-width="2" stroke-dasharray="10 6"/>`);
  canvas.endAt(y + 60, 12);
  return canvas;
}

/** ISO ID-1 card proportions (85.6 × 54 mm) at 10 px per mm, on a white margin. */
const CARD = { x: 22, y: 22, w: 856, h: 540 };
const VITALE_GREEN = '#00703C';
const VITALE_YELLOW = '#FFD23F';
const VITALE_PALE = '#E6F4EA';

function cardBase(canvas: Canvas): void {
  const { x, y, w, h } = CARD;
  canvas.add(`<defs><clipPath id="card"><rect x="${x}" y="${y}" width="${w}" height="${h}" rx="36"/></clipPath></defs>`);
  canvas.add(`<g clip-path="url(#card)">`);
  canvas.add(`<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${VITALE_PALE}"/>`);
  canvas.add(`<rect x="${x}" y="${y}" width="${w}" height="110" fill="${VITALE_GREEN}"/>`);
  // A yellow wave along the bottom edge: the colours people recognise, not the real artwork.
  canvas.add(`<path d="M ${x} ${y + h - 70} C ${x + 250} ${y + h - 130}, ${x + 550} ${y + h - 10}, ${x + w} ${y + h - 90} L ${x + w} ${y + h} L ${x} ${y + h} Z" fill="${VITALE_YELLOW}"/>`);
  canvas.add('</g>');
  canvas.add(`<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="36" fill="none" stroke="#3A3A3A" stroke-width="3"/>`);
  drawText(canvas, { x: x + 40, y: y + 30, text: 'carte Vitale', size: 42, weight: 700, colour: COLOURS.white });
  drawText(canvas, { x: x + w - 40, y: y + 42, text: 'Assurance Maladie', size: 24, weight: 700, colour: COLOURS.white, anchor: 'end' });
  canvas.name('carte', CARD);
}

function chip(canvas: Canvas, x: number, y: number): void {
  canvas.add(`<rect x="${x}" y="${y}" width="120" height="92" rx="14" fill="#D9B44A" stroke="#8C6D1F" stroke-width="3"/>`);
  canvas.add(`<path d="M ${x} ${y + 46} H ${x + 120} M ${x + 40} ${y} V ${y + 92} M ${x + 80} ${y} V ${y + 92}" stroke="#8C6D1F" stroke-width="3" fill="none"/>`);
  canvas.name('puce', { x, y, w: 120, h: 92 });
}

function holder(canvas: Canvas, x: number, y: number): number {
  drawText(canvas, { x, y, text: SAMPLE.name, size: 34, weight: 700, region: 'nom' });
  const number = drawText(canvas, { x, y: y + 60, text: SAMPLE.socialSecurityNumber, size: 34, region: 'numero-securite-sociale' });
  return number.y + number.h;
}

/** Prints "N° de série : <first> <typed>" and names the whole number and the part the form asks for. */
function serialNumber(canvas: Canvas, x: number, y: number, untyped: string, typed: string): void {
  const size = 28;
  const label = drawText(canvas, { x, y, text: 'N° de série : ', size, weight: 700 });
  let left = label.x + label.w;
  const start = left;
  if (untyped !== '') {
    const first = drawText(canvas, { x: left, y, text: `${untyped} `, size });
    left = first.x + first.w;
  }
  const typedRect = drawText(canvas, { x: left, y, text: typed, size, weight: 700 });
  canvas.name('numero-serie', pad({ x: start, y, w: typedRect.x + typedRect.w - start, h: typedRect.h }, 6));
  canvas.name('numero-serie-a-saisir', pad(typedRect, 6));
}

export function carteVitalePhoto(): Canvas {
  const canvas = new Canvas(CARD.x * 2 + CARD.w, CARD.y * 2 + CARD.h);
  cardBase(canvas);
  // Photo placeholder: a grey head-and-shoulders silhouette.
  const photo = { x: CARD.x + 40, y: CARD.y + 140, w: 190, h: 240 };
  canvas.add(`<rect x="${photo.x}" y="${photo.y}" width="${photo.w}" height="${photo.h}" rx="8" fill="#F4F4F4" stroke="#3A3A3A" stroke-width="2"/>`);
  canvas.add(`<circle cx="${photo.x + photo.w / 2}" cy="${photo.y + 95}" r="50" fill="#8A8A8A"/>`);
  canvas.add(`<path d="M ${photo.x + 20} ${photo.y + photo.h} C ${photo.x + 30} ${photo.y + 160}, ${photo.x + photo.w - 30} ${photo.y + 160}, ${photo.x + photo.w - 20} ${photo.y + photo.h} Z" fill="#8A8A8A"/>`);
  canvas.name('photo', photo);
  const textLeft = photo.x + photo.w + 40;
  holder(canvas, textLeft, CARD.y + 160);
  chip(canvas, textLeft, CARD.y + 290);
  const serialLeft = CARD.x + 40;
  const serialWidth = textWidth(`N° de série : ${SAMPLE.vitalePhotoSerial.first} `, 28, 400) + textWidth(SAMPLE.vitalePhotoSerial.lastEleven, 28, 700);
  canvas.add(`<rect x="${serialLeft - 12}" y="${CARD.y + 410}" width="${Math.round(serialWidth + 24)}" height="56" rx="8" fill="${COLOURS.white}"/>`);
  serialNumber(canvas, serialLeft, CARD.y + 420, SAMPLE.vitalePhotoSerial.first, SAMPLE.vitalePhotoSerial.lastEleven);
  return canvas;
}

export function carteVitaleSansPhoto(): Canvas {
  const canvas = new Canvas(CARD.x * 2 + CARD.w, CARD.y * 2 + CARD.h);
  cardBase(canvas);
  chip(canvas, CARD.x + 60, CARD.y + 160);
  holder(canvas, CARD.x + 240, CARD.y + 160);
  const serialLeft = CARD.x + 40;
  const serialWidth = textWidth('N° de série : ', 28, 700) + textWidth(SAMPLE.vitaleSerial, 28, 700);
  canvas.add(`<rect x="${serialLeft - 12}" y="${CARD.y + 350}" width="${Math.round(serialWidth + 24)}" height="56" rx="8" fill="${COLOURS.white}"/>`);
  serialNumber(canvas, serialLeft, CARD.y + 360, '', SAMPLE.vitaleSerial);
  return canvas;
}
