import path from 'node:path';
import type { Agency } from '../content/department-schema.js';
import { withArticle } from '../content/department-names.js';
import { agencyHoursLines, weeklyTable } from '../content/opening-hours.js';
import { pictogramByName } from '../pictograms/lexicon.js';
import type { AgenciesBlock, ContactBlock, Sentence, SourcePosition } from './booklet.js';
import type { ChapterContext } from './chapter-context.js';
import { resolveImage } from './screenshot-directive.js';

/**
 * `::agencies` and `::contact`: blocks generated from the department file, so
 * that one set of chapters serves every CPAM. Their sentences are located at
 * the directive (that is where a reader of the source finds them).
 */
function sentence(text: string, source: SourcePosition, bold = false): Sentence {
  return { inlines: [{ kind: 'text', text, bold }], text, source };
}

/** "Téléphone : 36 46" with the label in plain text and the value in bold. */
function labelled(label: string, value: string, source: SourcePosition): Sentence {
  return {
    inlines: [
      { kind: 'text', text: `${label} : `, bold: false },
      { kind: 'text', text: value, bold: true },
    ],
    text: `${label} : ${value}`,
    source,
  };
}

/** Beside a weekly table, only what the table cannot say. */
function tableStyleLines(agency: Agency): string[] {
  return agencyHoursLines({ appointment_only: agency.appointment_only, note: agency.note });
}

/** `hours=sentences` (default): "Du lundi au vendredi, de 8h30 à 17h00."; `hours=table`: a weekly table per agency. */
export function agenciesBlock(context: ChapterContext, where: SourcePosition, style: 'sentences' | 'table' = 'sentences'): AgenciesBlock {
  const { department, lexicon } = context;
  const agencies = department.agencies.map((agency) => ({
    name: sentence(agency.name, where, true),
    address: agency.address.map((line) => sentence(line, where)),
    hours: (style === 'table' ? tableStyleLines(agency) : agencyHoursLines(agency)).map((line) => sentence(line, where)),
    week: style === 'table' && agency.hours ? weeklyTable(agency.hours).map((row) => [sentence(row.day, where, true), sentence(row.text, where)] as [Sentence, Sentence]) : [],
    pictogram: pictogramByName(lexicon, 'agence', where),
  }));
  const map = department.map
    ? {
        path: resolveImage(context.projectRoot, path.join('assets', 'maps'), department.map.src, where),
        alt: department.map.alt,
        highlights: [],
        masks: [],
        crop: undefined,
        source: where,
      }
    : undefined;
  const mapLegend = (department.map?.legend ?? []).map((line) =>
    typeof line === 'string' ? { sentence: sentence(line, where), symbol: undefined } : { sentence: sentence(line.text, where), symbol: line.symbol },
  );
  const mapTitle = department.map ? sentence(department.map.title ?? `Carte des agences ${withArticle(department)}`, where, true) : undefined;
  return { kind: 'agencies', agencies, map, mapTitle, mapLegend, source: where };
}

export function contactBlock(context: ChapterContext, where: SourcePosition): ContactBlock {
  const { office } = context.department;
  const picto = (name: string) => pictogramByName(context.lexicon, name, where);
  const lines: ContactBlock['lines'] = [
    { sentences: [sentence(office.name, where, true), ...office.address.map((line) => sentence(line, where))], pictogram: picto('cpam') },
    {
      sentences: [labelled('Téléphone', office.phone.number, where), ...(office.phone.price ? [sentence(office.phone.price, where)] : [])],
      pictogram: picto('telephone'),
    },
    { sentences: [labelled('Site internet', office.website, where)], pictogram: picto('ameli') },
  ];
  if (office.social.length > 0) {
    lines.push({
      sentences: office.social.map((account) => labelled(account.network, account.handle, where)),
      // Social accounts have their own picture, not the website's nor "internet"'s (one picture, one concept).
      pictogram: picto(context.lexicon.entries.has('reseau-social') ? 'reseau-social' : 'internet'),
    });
  }
  return { kind: 'contact', lines, source: where };
}
