/**
 * The ameli.fr pages seen on a computer, as the seed booklet describes them.
 * Coordinates are in pixels of a 1200 px wide page; every region name is part
 * of the contract with the booklet content (assets/screenshots/regions.yaml).
 */
import { Canvas, type Rect } from './canvas.js';
import { SAMPLE } from './sample-person.js';
import { textWidth } from './text-width.js';
import {
  COLOURS,
  drawButton,
  drawDesktopHeader,
  drawField,
  nameLabelAndField,
  drawLabelledField,
  drawParagraph,
  drawRadio,
  drawRule,
  drawStepper,
  drawText,
  lineHeight,
  pad,
} from './widgets.js';

const PAGE_WIDTH = 1200;
const MARGIN = 60;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

function pageTitle(canvas: Canvas, y: number, text: string): number {
  const rect = drawText(canvas, { x: MARGIN, y, text, size: 30, weight: 700, colour: COLOURS.blue, region: 'titre' });
  return rect.y + rect.h;
}

/** RETOUR / ANNULER on the left, the main button on the right, as on ameli forms. */
function actionButtons(canvas: Canvas, y: number, back: string, next: string): number {
  drawButton(canvas, { x: MARGIN, y, label: back, variant: 'secondary', w: 220, region: `bouton-${slug(back)}` });
  const main = drawButton(canvas, { x: PAGE_WIDTH - MARGIN - 260, y, label: next, w: 260, region: `bouton-${slug(next)}` });
  return main.y + main.h;
}

function slug(label: string): string {
  return label
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function ameliAccueil(): Canvas {
  const canvas = new Canvas(PAGE_WIDTH, 800);
  const top = drawDesktopHeader(canvas, 'ameli.fr');
  const navHeight = 72;
  canvas.add(`<rect x="0" y="${top}" width="${PAGE_WIDTH}" height="${navHeight}" fill="${COLOURS.light}"/>`);
  let x = MARGIN - 20;
  for (const [index, label] of ['Assuré', 'Professionnel de santé', 'Entreprise'].entries()) {
    const active = index === 0;
    const w = textWidth(label, 22, 700) + 40;
    if (active) {
      canvas.add(`<rect x="${x}" y="${top}" width="${Math.round(w)}" height="${navHeight}" fill="${COLOURS.white}"/>`);
      canvas.add(`<rect x="${x}" y="${top + navHeight - 6}" width="${Math.round(w)}" height="6" fill="${COLOURS.blue}"/>`);
      canvas.name('onglet-assure', { x, y: top, w, h: navHeight });
    }
    drawText(canvas, { x: x + 20, y: top + 22, text: label, size: 22, weight: 700, colour: active ? COLOURS.blue : COLOURS.text });
    x += w + 8;
  }
  drawButton(canvas, {
    x: PAGE_WIDTH - MARGIN - 260,
    y: top + 8,
    h: navHeight - 16,
    w: 260,
    label: 'Compte ameli',
    variant: 'pink',
    size: 24,
    region: 'onglet-compte-ameli',
  });

  const titleBottom = pageTitle(canvas, top + navHeight + 40, 'Assuré');
  drawParagraph(canvas, { x: MARGIN, y: titleBottom + 12, width: CONTENT_WIDTH, text: "Bienvenue sur le site de l'Assurance Maladie." });
  const tileTop = titleBottom + 80;
  const tiles = [
    ['Mes remboursements', 'Médecin, pharmacie'],
    ['Ma carte Vitale', 'Commander, mettre à jour'],
    ['Mes démarches', 'Adresse, naissance'],
  ] as const;
  const gap = 30;
  const tileWidth = (CONTENT_WIDTH - 2 * gap) / 3;
  tiles.forEach(([title, text], index) => {
    const left = MARGIN + index * (tileWidth + gap);
    canvas.add(`<rect x="${left}" y="${tileTop}" width="${tileWidth}" height="150" rx="8" fill="${COLOURS.light}"/>`);
    canvas.add(`<rect x="${left}" y="${tileTop}" width="8" height="150" rx="4" fill="${COLOURS.blue}"/>`);
    drawText(canvas, { x: left + 30, y: tileTop + 36, text: title, size: 24, weight: 700, colour: COLOURS.blue });
    drawText(canvas, { x: left + 30, y: tileTop + 84, text, size: 20, colour: COLOURS.muted });
  });
  canvas.endAt(tileTop + 150);
  return canvas;
}

const PANEL_HEIGHT = 300;

export function compteAmeli(): Canvas {
  const canvas = new Canvas(PAGE_WIDTH, 800);
  const top = drawDesktopHeader(canvas, 'compte ameli');
  const tabTop = top + 40;
  const tabHeight = 64;
  const panelTop = tabTop + tabHeight;
  const createTab = { x: MARGIN, y: tabTop, w: 330, h: tabHeight };
  const loginTab = { x: MARGIN + 340, y: tabTop, w: 260, h: tabHeight };
  // The selected tab joins the white panel below it; the other one stays light blue.
  canvas.add(`<rect x="${MARGIN}" y="${panelTop}" width="${CONTENT_WIDTH}" height="${PANEL_HEIGHT}" fill="${COLOURS.white}" stroke="${COLOURS.border}" stroke-width="2"/>`);
  canvas.add(`<rect x="${createTab.x}" y="${createTab.y}" width="${createTab.w}" height="${createTab.h}" fill="${COLOURS.white}" stroke="${COLOURS.border}" stroke-width="2"/>`);
  canvas.add(`<rect x="${createTab.x + 1}" y="${panelTop - 2}" width="${createTab.w - 2}" height="4" fill="${COLOURS.white}"/>`);
  canvas.add(`<rect x="${createTab.x}" y="${createTab.y}" width="${createTab.w}" height="6" fill="${COLOURS.blue}"/>`);
  drawText(canvas, { x: createTab.x + createTab.w / 2, y: tabTop + 20, text: 'Créer mon compte', size: 24, weight: 700, colour: COLOURS.blue, anchor: 'middle' });
  canvas.name('onglet-creer-compte', createTab);
  canvas.add(`<rect x="${loginTab.x}" y="${loginTab.y}" width="${loginTab.w}" height="${loginTab.h}" fill="${COLOURS.light}" stroke="${COLOURS.border}" stroke-width="2"/>`);
  drawText(canvas, { x: loginTab.x + loginTab.w / 2, y: tabTop + 20, text: 'Se connecter', size: 24, weight: 700, colour: COLOURS.text, anchor: 'middle' });
  canvas.name('onglet-se-connecter', loginTab);

  const inner = MARGIN + 40;
  drawText(canvas, { x: inner, y: panelTop + 36, text: 'Compte ameli : mon espace personnel', size: 28, weight: 700, colour: COLOURS.blue, region: 'titre' });
  drawParagraph(canvas, {
    x: inner,
    y: panelTop + 92,
    width: CONTENT_WIDTH - 80,
    text: 'Avec le compte ameli, je suis mes remboursements, je télécharge mes attestations et je fais mes démarches.',
  });
  drawButton(canvas, { x: inner, y: panelTop + 180, w: 380, h: 76, size: 28, label: 'Créer mon compte', region: 'bouton-creer-compte' });
  canvas.endAt(panelTop + PANEL_HEIGHT);
  return canvas;
}

export function creerCompteFormulaire(): Canvas {
  const canvas = new Canvas(PAGE_WIDTH, 800);
  const top = drawDesktopHeader(canvas, 'compte ameli');
  const titleBottom = pageTitle(canvas, top + 22, 'JE CRÉE MON COMPTE AMELI');
  const columnWidth = (CONTENT_WIDTH - 40) / 2;
  const right = MARGIN + columnWidth + 40;

  const row1 = titleBottom + 18;
  drawLabelledField(canvas, { x: MARGIN, y: row1, w: columnWidth, label: 'Mon nom : *', value: SAMPLE.name, region: 'nom' });
  const row1Bottom = drawLabelledField(canvas, {
    x: right,
    y: row1,
    w: columnWidth,
    label: 'Mon n° de sécurité sociale : *',
    value: SAMPLE.socialSecurityNumber,
    region: 'numero-securite-sociale',
  });
  const row2 = row1Bottom + 16;
  drawLabelledField(canvas, { x: MARGIN, y: row2, w: columnWidth, label: 'Ma date de naissance : *', value: SAMPLE.birthDate, region: 'date-naissance' });
  const row2Bottom = drawLabelledField(canvas, { x: right, y: row2, w: columnWidth, label: 'Mon code postal : *', value: SAMPLE.postalCode, region: 'code-postal' });

  drawRule(canvas, MARGIN, row2Bottom + 18, CONTENT_WIDTH);
  const section1 = row2Bottom + 34;
  drawText(canvas, { x: MARGIN, y: section1, text: '• Accédez immédiatement à votre compte', size: 24, weight: 700, colour: COLOURS.blue, region: 'section-acces-immediat' });
  const ibanBottom = ibanBoxes(canvas, section1 + lineHeight(24) + 10);
  const vitaleBottom = drawLabelledField(canvas, {
    x: MARGIN,
    y: ibanBottom + 14,
    w: 360,
    label: 'Saisissez les 11 derniers chiffres du numéro de série de votre carte Vitale : *',
    labelSize: 20,
    value: SAMPLE.vitalePhotoSerial.lastEleven,
    region: 'carte-vitale-numero',
  });

  drawRule(canvas, MARGIN, vitaleBottom + 18, CONTENT_WIDTH);
  const section2 = vitaleBottom + 34;
  drawText(canvas, { x: MARGIN, y: section2 + 12, text: '• Recevez votre code provisoire sous 8 jours', size: 24, weight: 700, colour: COLOURS.blue, region: 'section-code-provisoire' });
  drawButton(canvas, { x: PAGE_WIDTH - MARGIN - 330, y: section2, w: 330, label: 'Recevoir mon code', variant: 'secondary', region: 'bouton-code-provisoire' });

  canvas.endAt(actionButtons(canvas, section2 + 80, 'RETOUR', 'VALIDER'), 12);
  return canvas;
}

/** "FR76" fixed, then one box per character of the 7 that the reader copies from the RIB. */
function ibanBoxes(canvas: Canvas, y: number): number {
  drawText(canvas, { x: MARGIN, y, text: 'Saisissez les 7 derniers caractères de votre IBAN : *', size: 20, weight: 700 });
  const boxTop = y + lineHeight(20) + 6;
  const prefix = drawField(canvas, { x: MARGIN, y: boxTop, w: 92, value: 'FR76', prefilled: true });
  const boxes: Rect[] = [...SAMPLE.ibanLastSeven].map((character, index) =>
    drawField(canvas, { x: prefix.x + prefix.w + 16 + index * 56, y: boxTop, w: 48, value: character }),
  );
  const last = boxes[boxes.length - 1] ?? prefix;
  const first = boxes[0] ?? prefix;
  canvas.name('iban', pad({ x: prefix.x, y: boxTop, w: last.x + last.w - prefix.x, h: prefix.h }, 4));
  canvas.name('iban-7-derniers', pad({ x: first.x, y: boxTop, w: last.x + last.w - first.x, h: first.h }, 4));
  return boxTop + prefix.h;
}

const ACCOUNT_TEXT_WIDTH = CONTENT_WIDTH;

export function conditionsUtilisation(): Canvas {
  const canvas = new Canvas(PAGE_WIDTH, 800);
  const top = drawDesktopHeader(canvas, 'compte ameli');
  const titleBottom = pageTitle(canvas, top + 22, "J'accepte les conditions d'utilisation");
  const stepper = drawStepper(canvas, MARGIN, titleBottom + 16, 1, 'etapes');
  let y = stepper.y + stepper.h + 28;
  const paragraphs = [
    "Pour utiliser votre compte, vous devez accepter les conditions d'utilisation.",
    'Vous ne recevez plus vos relevés de remboursements par courrier : vous les lisez en ligne.',
    "L'adresse email est obligatoire. L'Assurance Maladie vous écrit dans votre compte.",
  ];
  for (const text of paragraphs) {
    const rect = drawParagraph(canvas, { x: MARGIN, y, width: ACCOUNT_TEXT_WIDTH, text });
    y = rect.y + rect.h + 14;
  }
  drawText(canvas, { x: MARGIN, y, text: "Lire les conditions d'utilisation détaillées ›", size: 22, colour: COLOURS.blue, underline: true, region: 'lien-conditions-detaillees' });
  y += lineHeight(22) + 34;
  drawRadio(canvas, { x: MARGIN, y, label: "Oui, j'accepte", checked: true, size: 24, region: 'choix-oui' });
  drawRadio(canvas, { x: MARGIN + 320, y, label: 'Non, je refuse', checked: false, size: 24, region: 'choix-non' });
  canvas.endAt(actionButtons(canvas, y + 80, 'ANNULER', 'CONTINUER'));
  return canvas;
}

export function codePersonnel(): Canvas {
  const canvas = new Canvas(PAGE_WIDTH, 800);
  const top = drawDesktopHeader(canvas, 'compte ameli');
  const titleBottom = pageTitle(canvas, top + 22, 'Je choisis un code personnel');
  const stepper = drawStepper(canvas, MARGIN, titleBottom + 16, 2, 'etapes');
  const text = drawParagraph(canvas, {
    x: MARGIN,
    y: stepper.y + stepper.h + 28,
    width: ACCOUNT_TEXT_WIDTH,
    text: 'Choisissez un code. Vous utiliserez ce code à chaque connexion.',
  });
  const firstTop = text.y + text.h + 24;
  const label = drawText(canvas, { x: MARGIN, y: firstTop, text: 'Saisissez un code personnel :', size: 22, weight: 700 });
  drawText(canvas, { x: MARGIN, y: firstTop + lineHeight(22) + 2, text: 'De 8 à 13 chiffres', size: 22, colour: COLOURS.muted, region: 'indication-chiffres' });
  const first = drawField(canvas, { x: MARGIN, y: firstTop + 2 * lineHeight(22) + 12, w: 420, dots: 8, region: 'code-personnel' });
  nameLabelAndField(canvas, 'code-personnel-et-libelle', label, first);
  const secondBottom = drawLabelledField(canvas, { x: MARGIN, y: first.y + first.h + 24, w: 420, label: 'Confirmez le code personnel :', dots: 8, region: 'confirmation-code' });
  canvas.endAt(actionButtons(canvas, secondBottom + 48, 'RETOUR', 'CONTINUER'));
  return canvas;
}

export function adresseEmail(): Canvas {
  const canvas = new Canvas(PAGE_WIDTH, 800);
  const top = drawDesktopHeader(canvas, 'compte ameli');
  const titleBottom = pageTitle(canvas, top + 22, 'Je saisis mon adresse email');
  const stepper = drawStepper(canvas, MARGIN, titleBottom + 16, 3, 'etapes');
  const text = drawParagraph(canvas, {
    x: MARGIN,
    y: stepper.y + stepper.h + 24,
    width: ACCOUNT_TEXT_WIDTH,
    text: "Saisissez l'adresse email que vous lisez souvent. * champ obligatoire",
  });
  const columnWidth = (CONTENT_WIDTH - 60) / 2;
  const right = MARGIN + columnWidth + 60;
  const row1 = text.y + text.h + 24;
  drawLabelledField(canvas, { x: MARGIN, y: row1, w: columnWidth, label: 'Saisissez votre adresse email : *', value: SAMPLE.email, region: 'adresse-email' });
  const row1Bottom = drawLabelledField(canvas, { x: right, y: row1, w: columnWidth, label: 'Je confirme mon adresse email : *', value: SAMPLE.email, region: 'confirmation-email' });
  drawRule(canvas, MARGIN, row1Bottom + 24, CONTENT_WIDTH);
  const phones = drawText(canvas, { x: MARGIN, y: row1Bottom + 44, text: 'Mes numéros de téléphone (si je veux) :', size: 24, weight: 700, colour: COLOURS.blue });
  const row2 = phones.y + phones.h + 14;
  drawLabelledField(canvas, { x: MARGIN, y: row2, w: columnWidth, label: 'Mon n° de téléphone fixe :', region: 'telephone-fixe' });
  const row2Bottom = drawLabelledField(canvas, { x: right, y: row2, w: columnWidth, label: 'Mon n° de téléphone portable :', value: SAMPLE.mobilePhone, region: 'telephone-portable' });
  canvas.endAt(actionButtons(canvas, row2Bottom + 48, 'RETOUR', 'CONTINUER'));
  return canvas;
}

export function validationEmail(): Canvas {
  const canvas = new Canvas(PAGE_WIDTH, 800);
  const top = drawDesktopHeader(canvas, 'compte ameli');
  const titleBottom = pageTitle(canvas, top + 22, 'VALIDATION DE MON EMAIL');
  const intro = drawParagraph(canvas, {
    x: MARGIN,
    y: titleBottom + 20,
    width: ACCOUNT_TEXT_WIDTH,
    text: 'Pour finir la création de votre compte, cliquez sur le lien reçu par email.',
  });
  // The message as it arrives in the reader's mailbox.
  const box = { x: MARGIN, y: intro.y + intro.h + 30, w: CONTENT_WIDTH, h: 250 };
  canvas.add(`<rect x="${box.x}" y="${box.y}" width="${box.w}" height="${box.h}" rx="8" fill="${COLOURS.white}" stroke="${COLOURS.border}" stroke-width="2"/>`);
  canvas.add(`<rect x="${box.x + 1}" y="${box.y + 1}" width="${box.w - 2}" height="70" rx="7" fill="${COLOURS.light}"/>`);
  drawText(canvas, { x: box.x + 30, y: box.y + 20, text: "Message de l'Assurance Maladie : Validation de votre compte ameli", size: 22, weight: 700 });
  canvas.name('message', box);
  drawText(canvas, { x: box.x + 30, y: box.y + 100, text: `Bonjour ${SAMPLE.name},`, size: 24 });
  const sentence = 'Pour valider la création de votre compte ameli, ';
  const sentenceRect = drawText(canvas, { x: box.x + 30, y: box.y + 160, text: sentence, size: 24 });
  drawText(canvas, { x: sentenceRect.x + sentenceRect.w, y: box.y + 160, text: 'cliquez ici', size: 24, weight: 700, colour: COLOURS.blue, underline: true, region: 'lien-cliquez-ici' });
  canvas.endAt(box.y + box.h);
  return canvas;
}

export function connexion(): Canvas {
  const canvas = new Canvas(PAGE_WIDTH, 800);
  const top = drawDesktopHeader(canvas, 'compte ameli');
  const cardWidth = 640;
  const left = (PAGE_WIDTH - cardWidth) / 2;
  drawText(canvas, { x: PAGE_WIDTH / 2, y: top + 24, text: "J'accède à mon compte ameli", size: 30, weight: 700, colour: COLOURS.blue, anchor: 'middle', region: 'titre' });
  const numberBottom = drawLabelledField(canvas, {
    x: left,
    y: top + 90,
    w: cardWidth,
    label: 'Mon numéro de sécurité sociale',
    value: SAMPLE.socialSecurityNumber,
    region: 'numero-securite-sociale',
  });
  drawText(canvas, { x: left, y: numberBottom + 10, text: 'Où trouver mon numéro de sécurité sociale ?', size: 20, colour: COLOURS.blue, underline: true, region: 'lien-ou-trouver-numero' });
  const codeBottom = drawLabelledField(canvas, { x: left, y: numberBottom + 56, w: cardWidth, label: 'Mon code (4 à 13 chiffres)', dots: 8, region: 'code' });
  drawText(canvas, { x: left + cardWidth, y: codeBottom + 10, text: 'Code oublié ?', size: 20, colour: COLOURS.blue, underline: true, anchor: 'end', region: 'lien-code-oublie' });
  const login = drawButton(canvas, { x: left, y: codeBottom + 60, w: cardWidth, h: 60, size: 24, label: 'ME CONNECTER', region: 'bouton-me-connecter' });
  const orTop = login.y + login.h + 18;
  drawRule(canvas, left, orTop + 14, cardWidth / 2 - 40);
  drawRule(canvas, left + cardWidth / 2 + 40, orTop + 14, cardWidth / 2 - 40);
  drawText(canvas, { x: PAGE_WIDTH / 2, y: orTop, text: 'Ou', size: 22, anchor: 'middle' });
  const franceConnect = drawButton(canvas, { x: left, y: orTop + 48, w: cardWidth, h: 60, label: "S'identifier avec FranceConnect", variant: 'secondary', region: 'bouton-franceconnect' });
  const firstVisit = 'Première visite ? ';
  const visitTop = franceConnect.y + franceConnect.h + 30;
  const total = textWidth(firstVisit, 22) + textWidth('Créer un compte', 22, 700);
  const visit = drawText(canvas, { x: PAGE_WIDTH / 2 - total / 2, y: visitTop, text: firstVisit, size: 22 });
  const link = drawText(canvas, { x: visit.x + visit.w, y: visitTop, text: 'Créer un compte', size: 22, weight: 700, colour: COLOURS.blue, underline: true, region: 'lien-creer-compte' });
  canvas.endAt(link.y + link.h);
  return canvas;
}
