/**
 * The ameli app screens, drawn inside a phone (540 × 960 px). Text is larger
 * than on the desktop pages because the booklet prints a phone smaller.
 */
import { Canvas } from './canvas.js';
import { SAMPLE } from './sample-person.js';
import { COLOURS, drawAppBar, drawButton, drawLabelledField, drawParagraph, drawPhoneFrame, drawText, lineHeight } from './widgets.js';

const PHONE_WIDTH = 540;
const PHONE_HEIGHT = 960;
const SIDE = 30;
const LABEL_SIZE = 22;
const VALUE_SIZE = 24;

function phone(): { canvas: Canvas; left: number; width: number; top: number; bottom: number } {
  const canvas = new Canvas(PHONE_WIDTH, PHONE_HEIGHT);
  const screen = drawPhoneFrame(canvas);
  return { canvas, left: screen.x + SIDE, width: screen.w - 2 * SIDE, top: screen.y, bottom: screen.y + screen.h };
}

export function appAccueil(): Canvas {
  const { canvas, left, width, top, bottom } = phone();
  const barBottom = drawAppBar(canvas, { x: 24, y: top, w: PHONE_WIDTH - 48, h: 96 }, 'ameli');
  const centre = PHONE_WIDTH / 2;
  drawText(canvas, { x: centre, y: barBottom + 70, text: 'Bienvenue', size: 34, weight: 700, colour: COLOURS.blue, anchor: 'middle' });
  drawParagraph(canvas, { x: left, y: barBottom + 140, width, text: "L'application de l'Assurance Maladie.", size: 24 });
  drawButton(canvas, { x: left, y: barBottom + 250, w: width, h: 76, size: 26, label: 'Première connexion', region: 'bouton-premiere-connexion' });
  // Round "+" button that adds an account, bottom right as in the app.
  const size = 96;
  const x = PHONE_WIDTH - 24 - SIDE - size;
  const y = bottom - SIDE - size;
  canvas.add(`<circle cx="${x + size / 2}" cy="${y + size / 2}" r="${size / 2}" fill="${COLOURS.pink}"/>`);
  canvas.add(`<rect x="${x + size / 2 - 4}" y="${y + 24}" width="8" height="${size - 48}" rx="3" fill="${COLOURS.white}"/>`);
  canvas.add(`<rect x="${x + 24}" y="${y + size / 2 - 4}" width="${size - 48}" height="8" rx="3" fill="${COLOURS.white}"/>`);
  canvas.name('bouton-plus', { x, y, w: size, h: size });
  return canvas;
}

export function appConnexion(): Canvas {
  const { canvas, left, width, top } = phone();
  const barBottom = drawAppBar(canvas, { x: 24, y: top, w: PHONE_WIDTH - 48, h: 96 }, 'Compte ameli');
  const title = drawText(canvas, { x: left, y: barBottom + 30, text: "J'accède à mon compte", size: 30, weight: 700, colour: COLOURS.blue, region: 'titre' });
  const numberBottom = drawLabelledField(canvas, {
    x: left,
    y: title.y + title.h + 30,
    w: width,
    h: 60,
    label: 'Mon n° de sécurité sociale',
    labelSize: LABEL_SIZE,
    size: VALUE_SIZE,
    value: SAMPLE.socialSecurityNumber,
    region: 'numero-securite-sociale',
  });
  const codeBottom = drawLabelledField(canvas, { x: left, y: numberBottom + 30, w: width, h: 60, label: 'Mon code', labelSize: LABEL_SIZE, region: 'code' });
  const validate = drawButton(canvas, { x: left, y: codeBottom + 40, w: width, h: 68, size: 26, label: 'VALIDER', region: 'bouton-valider' });
  const linkTop = validate.y + validate.h + 40;
  drawText(canvas, { x: left, y: linkTop, text: "Je n'ai pas de code", size: 24, weight: 700, colour: COLOURS.blue, underline: true, region: 'lien-pas-de-code' });
  drawText(canvas, { x: left, y: linkTop + lineHeight(24) + 30, text: "J'ai oublié mon code", size: 24, weight: 700, colour: COLOURS.blue, underline: true, region: 'lien-code-oublie' });
  return canvas;
}

export function appDemandeCode(): Canvas {
  const { canvas, left, width, top } = phone();
  const barBottom = drawAppBar(canvas, { x: 24, y: top, w: PHONE_WIDTH - 48, h: 96 }, 'Compte ameli');
  const title = drawText(canvas, { x: left, y: barBottom + 26, text: 'Je demande un code', size: 30, weight: 700, colour: COLOURS.blue, region: 'titre' });
  let y = title.y + title.h + 20;
  const fields = [
    ['Mon nom', SAMPLE.lastName, 'nom'],
    ['Mon n° de sécurité sociale', SAMPLE.socialSecurityNumber, 'numero-securite-sociale'],
    ['Ma date de naissance', SAMPLE.birthDate, 'date-naissance'],
    ['Mon code postal', SAMPLE.postalCode, 'code-postal'],
  ] as const;
  for (const [label, value, region] of fields) {
    y = drawLabelledField(canvas, { x: left, y, w: width, h: 58, label, labelSize: LABEL_SIZE, size: VALUE_SIZE, value, region }) + 22;
  }
  drawButton(canvas, { x: left, y: y + 20, w: width, h: 68, size: 26, label: 'SUIVANT', region: 'bouton-suivant' });
  return canvas;
}

export function appServices(): Canvas {
  const { canvas, left, width, top } = phone();
  const barBottom = drawAppBar(canvas, { x: 24, y: top, w: PHONE_WIDTH - 48, h: 96 }, 'Services', 'titre');
  const rowHeight = 92;
  const rows = ['Compte ameli', 'Trouver un médecin', 'Mes questions'] as const;
  rows.forEach((label, index) => {
    const y = barBottom + index * rowHeight;
    const highlighted = index === 0;
    if (highlighted) canvas.add(`<rect x="24" y="${y}" width="${PHONE_WIDTH - 48}" height="${rowHeight}" fill="${COLOURS.light}"/>`);
    drawText(canvas, { x: left, y: y + rowHeight / 2 - 17, text: label, size: 26, weight: highlighted ? 700 : 400, colour: highlighted ? COLOURS.blue : COLOURS.text });
    drawText(canvas, { x: left + width, y: y + rowHeight / 2 - 20, text: '›', size: 32, weight: 700, colour: COLOURS.muted, anchor: 'end' });
    canvas.add(`<rect x="24" y="${y + rowHeight - 2}" width="${PHONE_WIDTH - 48}" height="2" fill="#C9CED6"/>`);
    if (highlighted) canvas.name('compte-ameli', { x: 24, y, w: PHONE_WIDTH - 48, h: rowHeight });
  });
  const panelTop = barBottom + rows.length * rowHeight + 50;
  drawParagraph(canvas, { x: left, y: panelTop, width, text: 'Pour voir mes remboursements, je me connecte à mon compte ameli.', size: 24 });
  drawButton(canvas, { x: left, y: panelTop + 140, w: width, h: 72, size: 26, label: 'Se connecter', region: 'bouton-se-connecter' });
  return canvas;
}
