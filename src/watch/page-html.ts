import { escapeHtml, type ProofFinding } from '../preview/proof-report.js';
import type { WatchPage, WatchState } from './preview-session.js';

/**
 * The live preview page: each page of the booklet beside its findings, the
 * error of the last build above them, and a small script that listens to
 * the server's events (/events) and replaces the view (/view) when the
 * state changes. No framework, no bundler: the server sends finished HTML.
 */

const FORMAT_NAMES = { a4: 'A4', 'a5-booklet': 'A5, livret piqué' } as const;
const SEVERITY_LABELS: Readonly<Record<string, string>> = { error: 'erreur', warn: 'avertissement' };
const STATUS_LABELS = {
  building: 'Construction en cours…',
  checking: 'Pages à jour. Vérification des règles…',
  ready: 'À jour.',
  error: 'Erreur : les pages montrées sont celles de la dernière construction réussie.',
} as const;

export function pictureUrl(page: WatchPage): string {
  return `/pages/${page.fingerprint}.png`;
}

function where(finding: ProofFinding): string {
  const hasLine = finding.line !== null && finding.line !== undefined;
  return [finding.file, hasLine ? finding.line : undefined, hasLine ? (finding.column ?? undefined) : undefined].filter((part) => part !== undefined).join(':');
}

function findingList(findings: readonly ProofFinding[]): string {
  if (findings.length === 0) return '<p class="none">Rien à signaler.</p>';
  const items = findings.map(
    (finding) =>
      `<li class="finding ${finding.severity === 'error' ? 'error' : 'warn'}"><span class="severity">${escapeHtml(SEVERITY_LABELS[finding.severity] ?? finding.severity)}</span> ` +
      `<span class="message">${escapeHtml(finding.message)}</span> <span class="where">${escapeHtml(where(finding))}</span> <code>${escapeHtml(finding.rule)}</code></li>`,
  );
  return `<ul class="findings">${items.join('')}</ul>`;
}

function pageSection(page: WatchPage, total: number): string {
  const mark = page.findings.some((finding) => finding.severity === 'error') ? ' has-error' : page.findings.length > 0 ? ' has-warn' : '';
  return (
    `<section class="page${mark}" id="page-${page.page}" data-fingerprint="${page.fingerprint}">` +
    `<figure><img src="${pictureUrl(page)}" alt="Page ${page.page}" width="${page.width}" height="${page.height}">` +
    `<figcaption>Page ${page.page} sur ${total}</figcaption></figure>` +
    `<div class="beside"><h2>Page ${page.page}</h2>${findingList(page.findings)}` +
    `<details><summary>Texte de la page</summary><p class="page-text">${escapeHtml(page.text)}</p></details></div></section>`
  );
}

function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} s`;
}

/** The part of the page that changes: status, error, pages. */
export function viewHtml(state: WatchState): string {
  const status = state.lastBuild && state.status !== 'error' && state.status !== 'building'
    ? `${STATUS_LABELS[state.status]} Pages en ${seconds(state.lastBuild.pagesMs)}, ${state.lastBuild.redrawn} redessinée${state.lastBuild.redrawn > 1 ? 's' : ''}.`
    : STATUS_LABELS[state.status];
  const error = state.error
    ? `<div class="build-error" role="alert"><p><strong>La dernière construction a échoué.</strong></p><pre>${escapeHtml(state.error.text)}</pre>` +
      `<p>Corrigez le fichier et enregistrez : l'aperçu se met à jour tout seul.</p></div>`
    : '';
  const pages = state.pages.length === 0
    ? `<p class="none">${state.error ? 'Aucune page à montrer : corrigez l’erreur ci-dessus.' : 'Les pages arrivent…'}</p>`
    : state.pages.map((page) => pageSection(page, state.pages.length)).join('\n');
  const general = state.generalFindings.length > 0 ? `<section class="general"><h2>Tout le livret</h2>${findingList(state.generalFindings)}</section>` : '';
  const facts = [state.department, FORMAT_NAMES[state.format], state.pages.length > 0 ? `${state.pages.length} pages` : undefined].filter(Boolean).join(' · ');
  return (
    `<div id="view" data-version="${state.version}" data-status="${state.status}">` +
    `<header class="top"><h1>${escapeHtml(state.title ?? 'Aperçu du livret')}</h1>` +
    `<p class="facts">${escapeHtml(facts)}</p>` +
    `<p class="status status-${state.status}" role="status">${escapeHtml(status)}</p>${error}</header>` +
    `${general}<main class="pages">${pages}</main></div>`
  );
}

const STYLE = `
body { font-family: "Atkinson Hyperlegible Next", "Atkinson Hyperlegible", Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; background: #f2f2f2; margin: 0; padding: 0 24px 16px; }
/* The status and the error stay in sight while the writer scrolls through the pages. */
.top { position: sticky; top: 0; z-index: 1; background: #f2f2f2; padding: 12px 0 4px; border-bottom: 1px solid #8c8c8c; margin: 0 0 16px; }
h1 { color: #0b4f8a; font-size: 26px; margin: 0; }
h2 { font-size: 18px; margin: 0 0 8px; }
.facts { margin: 0 0 4px; color: #4d4d4d; }
.status { margin: 0 0 8px; font-weight: bold; }
.status-building, .status-checking { color: #4d4d4d; }
.status-error, .build-error strong { color: #a00000; }
.build-error { background: #fff0f0; border: 3px solid #a00000; padding: 8px 16px; margin: 0 0 12px; }
.build-error pre { white-space: pre-wrap; font-size: 16px; margin: 4px 0; }
.general { background: #fff; border: 1px solid #8c8c8c; padding: 8px 16px; margin: 0 0 16px; }
.page { display: flex; gap: 16px; align-items: flex-start; background: #fff; border: 1px solid #8c8c8c; padding: 12px; margin: 0 0 16px; }
.page.has-error { border: 3px solid #a00000; }
.page.has-warn { border: 3px solid #8a4b00; }
figure { margin: 0; flex: 0 0 auto; }
.page img { display: block; width: 420px; height: auto; border: 1px solid #5c5c5c; }
figcaption { font-weight: bold; margin: 6px 0 0; }
.beside { flex: 1 1 auto; min-width: 0; }
.findings { margin: 0; padding-left: 20px; }
.finding { margin: 4px 0; }
.severity { font-weight: bold; }
.error .severity { color: #a00000; }
.warn .severity { color: #8a4b00; }
.where, code { color: #4d4d4d; font-size: 14px; }
.none { color: #4d4d4d; margin: 0; }
details { margin: 8px 0 0; }
.page-text { white-space: pre-line; margin: 4px 0 0; }
`;

/** Replaces the view when the server says the state changed; says so when the server is gone. */
const SCRIPT = `
(() => {
  let shown = Number(document.getElementById('view').dataset.version);
  let fetching = false;
  let again = false;
  async function refresh() {
    if (fetching) { again = true; return; }
    fetching = true;
    try {
      const response = await fetch('/view', { cache: 'no-store' });
      const html = await response.text();
      const next = new DOMParser().parseFromString(html, 'text/html').getElementById('view');
      if (next && Number(next.dataset.version) > shown) {
        shown = Number(next.dataset.version);
        document.getElementById('view').replaceWith(next);
        document.title = next.querySelector('h1').textContent + ' – aperçu livret';
      }
    } finally {
      fetching = false;
      if (again) { again = false; refresh(); }
    }
  }
  const events = new EventSource('/events');
  events.addEventListener('change', (event) => { if (Number(event.data) > shown) refresh(); });
  events.addEventListener('open', () => { document.getElementById('offline').hidden = true; refresh(); });
  events.addEventListener('error', () => { document.getElementById('offline').hidden = false; });
})();
`;

export function watchPageHtml(state: WatchState): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="fr">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(state.title ?? 'Aperçu du livret')} – aperçu livret</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<p id="offline" class="build-error" role="alert" hidden>Le serveur de l’aperçu ne répond plus : relancez <code>livret watch</code>.</p>',
    viewHtml(state),
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
