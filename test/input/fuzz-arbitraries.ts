import fc from 'fast-check';
import { MINI_DEPARTMENT } from '../helpers/project.js';

/**
 * Generators for the fuzz test: chapters (random Markdown with directives,
 * nesting, attributes, variables, odd Unicode, comments), department files
 * and booklet.yaml files, each mostly near a valid one so that the cases reach
 * deep into the pipeline instead of all stopping at the first YAML error.
 */
const word = fc.constantFrom('Vous', 'pouvez', 'appeler', 'la', 'caisse', 'carte', 'Vitale', 'compte', 'ameli', 'cliquez', 'ici', 'le', '36 46', 'mot', 'site', 'Écrivez', 'à', 'l’agence');
const oddText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('\u200b', '\u00ad', '\u202e', '\ufeff', 'é', 'ﬁ', '🇫🇷', '👩‍⚕️', '\t', '\\', '&amp;', '&#0;', '\u0000', '\r', '\u2028', '12:30'),
);
const knownVariable = fc.constantFrom('{{caisse.nom}}', '{{caisse.telephone}}', '{{caisse.nom_court}}', '{{departement.nom}}');
const oddVariable = fc.constantFrom('{{caisse.fax}}', '{{', '}}', '{{ }}', '{{agences}}', '{{département.nom}}', '{{{caisse.nom}}}');
const attributeValue = fc.oneof(fc.constantFrom('carte-vitale', 'exemple.png', '0,0,10,10', '1,2,3', '-5', '12', '99', 'table', 'sentences', '', '../x.png', 'a b', 'blur'), fc.string({ maxLength: 6 }));
const attributes = fc
  .array(fc.tuple(fc.constantFrom('name', 'src', 'alt', 'highlight', 'mask', 'crop', 'lines', 'hours', 'definition', 'x', 'mask-style'), attributeValue), { maxLength: 4 })
  .map((pairs) => `{${pairs.map(([key, value]) => `${key}="${value.replace(/"/g, '')}"`).join(' ')}}`);
const cleanDefinition = fc.string({ minLength: 1, maxLength: 12 }).map((text) => text.replace(/["\\{}\n\r]/g, '') || 'une explication');

const inline: fc.Arbitrary<string> = fc.letrec<{ inline: string }>((tie) => ({
  inline: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: word, weight: 60 },
    { arbitrary: knownVariable, weight: 4 },
    { arbitrary: oddText, weight: 4 },
    { arbitrary: tie('inline').map((text) => `**${text}**`), weight: 4 },
    { arbitrary: tie('inline').map((text) => `*${text}*`), weight: 1 },
    { arbitrary: tie('inline').map((text) => `[${text}](https://ameli.fr)`), weight: 1 },
    { arbitrary: fc.tuple(word, cleanDefinition).map(([text, definition]) => `:term[${text}]{definition="${definition}"}`), weight: 2 },
    // Rare, often refused: terms with random attributes, unknown variables, HTML, images, stray colons.
    {
      arbitrary: fc.oneof(
        fc.tuple(tie('inline'), attributes).map(([text, attrs]) => `:term[${text}]${attrs}`),
        oddVariable,
        fc.constantFrom('<!--', '-->', '<b>gras</b>', '`code`', '![image](x.png)', ':', '::', '\\:', '~~barré~~', '<https://ameli.fr>', '&nbsp;', '[^1]'),
      ),
      weight: 1,
    },
    { arbitrary: fc.constant('<!-- note -->'), weight: 1 },
    { arbitrary: fc.array(tie('inline'), { maxLength: 4 }).map((parts) => parts.join(' ')), weight: 2 },
  ),
})).inline;

const sentence = fc.array(inline, { minLength: 1, maxLength: 5 }).map((parts) => `${parts.join(' ')}.`);
const lines = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('\n'));
const indent = fc.constantFrom('', '', '', '  ', '    ', '\t');
const listItems = (markers: fc.Arbitrary<string>) =>
  fc.array(fc.tuple(indent, markers, sentence), { minLength: 1, maxLength: 5 }).map((items) => items.map(([space, marker, text], index) => `${index === 0 ? '' : space}${marker}${text}`).join('\n'));
const validLeaf = fc.constantFrom('::picto{name=carte-vitale}', '::contact', '::agencies', '::agencies{hours=table}', '::notes{lines=3}', '::screenshot{src=exemple.png alt="Une page" highlight="10,10,50,20"}', '::screenshot{src=exemple.png alt="Une page" mask="0,0,30,30" crop="0,0,200,100"}');

const block: fc.Arbitrary<string> = fc.letrec<{ block: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: lines, weight: 16 },
    { arbitrary: fc.tuple(fc.integer({ min: 2, max: 4 }), sentence).map(([level, text]) => `${'#'.repeat(level)} ${text}`), weight: 2 },
    { arbitrary: listItems(fc.constantFrom('- ', '* ', '+ ')), weight: 2 },
    { arbitrary: listItems(fc.constantFrom('1. ', '2. ', '3) ')), weight: 1 },
    { arbitrary: fc.tuple(validLeaf, lines).map(([leaf, text]) => `${leaf}\n\n${text}`), weight: 3 },
    { arbitrary: listItems(fc.constant('1. ')).map((items) => `:::steps\n${items}\n:::`), weight: 2 },
    { arbitrary: fc.tuple(lines, fc.option(fc.constant('::picto{name=carte-vitale}'), { nil: '' })).map(([text, leaf]) => `:::warning\n${leaf ? `${leaf}\n` : ''}${text}\n:::`), weight: 1 },
    { arbitrary: fc.array(fc.array(fc.oneof(word, knownVariable, oddText), { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 4 }).map((rows) => [`| ${rows[0]!.join(' | ')} |`, `|${rows[0]!.map(() => '---').join('|')}|`, ...rows.slice(1).map((row) => `| ${row.join(' | ')} |`)].join('\n')), weight: 1 },
    // Rarer, mostly refused: quotes, unknown or misplaced directives, unclosed containers, raw HTML, code.
    {
      arbitrary: fc.oneof(
        fc.tuple(fc.integer({ min: 1, max: 4 }), lines).map(([depth, text]) => text.split('\n').map((line) => `${'> '.repeat(depth)}${line}`).join('\n')),
        fc.tuple(fc.constantFrom('picto', 'screenshot', 'agencies', 'contact', 'notes', 'agences', 'term'), attributes).map(([name, attrs]) => `::${name}${attrs}`),
        fc.tuple(fc.constantFrom('steps', 'warning', 'etapes', 'picto'), fc.array(tie('block'), { maxLength: 3 }), fc.boolean()).map(([name, inner, closed]) => `:::${name}\n${inner.join('\n\n')}${closed ? '\n:::' : ''}`),
        fc.constantFrom('```\ncode\n```', '---', '***', '<div>\nbloc\n</div>', '<!--\nnote\nsur deux lignes\n-->', '<!-- sans fin', '    indenté', '[lien]: https://ameli.fr', '##', '\\', '- ', '1.', '>', '<!-- livret-disable-next-line sentence-length -->'),
      ),
      weight: 2,
    },
  ),
})).block;

const frontMatter = fc.oneof(
  { arbitrary: fc.constant(''), weight: 8 },
  { arbitrary: fc.constantFrom('---\npicto: carte-vitale\n---\n', '---\npicto: [\n---\n', '---\n---\n', '---\npicto: licorne\n---\n', '---\na: &a [*a]\n---\n', '---\npicto: 12\n---\n'), weight: 1 },
);

export const chapterArbitrary = fc
  .tuple(frontMatter, fc.oneof({ arbitrary: sentence, weight: 9 }, { arbitrary: fc.constant(undefined), weight: 1 }), fc.array(block, { maxLength: 8 }), fc.constantFrom('\n\n', '\n\n', '\n', '\r\n\r\n'))
  .map(([front, title, blocks, separator]) => `${front}${title === undefined ? '' : `# ${title}${separator}`}${blocks.join(separator)}\n`);

/** A department file: the valid one, one value changed, a line dropped or random YAML. */
export const departmentArbitrary = fc.oneof(
  { arbitrary: fc.constant(MINI_DEPARTMENT), weight: 6 },
  fc.tuple(fc.constantFrom('"61"', 'Orne', '"36 46"', 'ameli.fr', '"08:30-17:00"', '"09:00-12:30"', 'Agence d\'Alençon'), fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('~', '[]', '{}', '&a x', '*a', '"25:00-26:00"', '"12:00-08:00"', '-1', '1e999', 'null', '!!binary AA=='))).map(([from, to]) => MINI_DEPARTMENT.replace(from, to)),
  fc.nat({ max: 12 }).map((drop) => MINI_DEPARTMENT.split('\n').filter((_, index) => index !== drop).join('\n')),
  fc.string({ maxLength: 60 }),
);

/** A booklet.yaml: the valid one, with changed fields, extra keys, anchors or random text. */
export const bookletArbitrary = fc.oneof(
  { arbitrary: fc.constant('title: "Livret de test"\nchapters: [chapitre.md]\n'), weight: 6 },
  fc.tuple(fc.oneof(word, knownVariable, oddVariable, oddText, fc.constant('')), fc.constantFrom('[chapitre.md]', '[chapitre.md, chapitre.md]', '[chapitre.md, "@glossary"]', '[absent.md]', '[]', '["../x.md"]', 'chapitre.md', '[chapitre.md, "@glossary", "@glossary"]')).map(
    ([title, chapters]) => `title: ${JSON.stringify(title)}\nchapters: ${chapters}\n`,
  ),
  fc.constantFrom(
    'title: &t "Livret"\nsubtitle: *t\nchapters: [chapitre.md]\n',
    'title: "Livret"\nchapters: [chapitre.md]\ncheck: { sentence-length: off }\n',
    'title: "Livret"\nchapters: [chapitre.md]\ncheck: { inconnue: error }\n',
    'title: "Livret"\nchapters: [chapitre.md]\nedition: 2026-13-40\n',
    'title: "Livret"\nchapters: [chapitre.md]\ncover_picto: licorne\n',
    'title: [\n',
  ),
  fc.string({ maxLength: 40 }),
);

