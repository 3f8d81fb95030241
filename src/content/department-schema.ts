import { z } from 'zod';
import { t } from '../i18n/index.js';

/**
 * The department file (`content/departments/<code>.yaml`): one CPAM's office,
 * agencies and opening hours. The chapters never hold this data; `::agencies`,
 * `::contact` and `{{…}}` variables read it from here. The same schema is
 * exported as JSON Schema (schemas/department.schema.json) for editors.
 */

const TIME = '([01]\\d|2[0-3]):[0-5]\\d';

/** "08:30-12:30": a time range within one day, start before end. */
export const timeRangeSchema = z
  .string()
  .regex(new RegExp(`^${TIME}-${TIME}$`), { error: () => t('schema.timeRange') })
  .refine((range) => {
    const [start, end] = range.split('-') as [string, string];
    return start < end;
  }, { error: () => t('schema.timeRangeOrder') })
  .describe('Plage horaire "HH:MM-HH:MM", par exemple "08:30-12:30"');

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Ranges of one day, from morning to evening, not overlapping ("09:00-12:30", "13:30-17:00" = lunch break). */
const dayHoursSchema = z
  .array(timeRangeSchema)
  .refine(
    (ranges) => ranges.every((range, index) => index === 0 || ranges[index - 1]!.slice(6) < range.slice(0, 5)),
    { error: () => t('schema.dayOrder') },
  )
  .describe('Plages horaires du jour, du matin au soir ; liste vide [] ou jour absent = fermé');

export const openingHoursSchema = z
  .strictObject({
    monday: dayHoursSchema.optional(),
    tuesday: dayHoursSchema.optional(),
    wednesday: dayHoursSchema.optional(),
    thursday: dayHoursSchema.optional(),
    friday: dayHoursSchema.optional(),
    saturday: dayHoursSchema.optional(),
    sunday: dayHoursSchema.optional(),
  })
  .describe("Horaires d'ouverture par jour (monday … sunday) ; un jour absent = fermé");

export const addressLinesSchema = z
  .array(z.string().min(1))
  .min(2)
  .max(6)
  .describe("Lignes de l'adresse postale (2 à 6) ; la dernière = code postal et ville");

export const phoneSchema = z.strictObject({
  number: z
    .string()
    .regex(/^\d{2}( \d{2})+$/, { error: () => t('schema.phone') })
    .describe('Numéro groupé par deux chiffres, par exemple "36 46"'),
  price: z.string().min(1).optional().describe("Prix de l'appel, en clair"),
});

export const agencySchema = z
  .strictObject({
    name: z.string().min(1).describe('Nom de l\'agence, par exemple "Agence d\'Alençon"'),
    address: addressLinesSchema,
    hours: openingHoursSchema.optional(),
    appointment_only: z.boolean().default(false).describe('Accueil uniquement sur rendez-vous'),
    note: z.string().min(1).optional().describe('Une phrase de plus, par exemple "Accès pour les fauteuils roulants."'),
  })
  .refine((agency) => agency.hours !== undefined || agency.appointment_only, {
    error: () => t('schema.agencyHours'),
    path: ['hours'],
  });

/** What editors write ("du", "de la"); the value keeps the space that follows it ("du Calvados"). */
const ARTICLE_SPELLINGS = {
  de: 'de ',
  "d'": "d'",
  du: 'du ',
  'de la': 'de la ',
  des: 'des ',
  "de l'": "de l'",
} as const;
export type Article = (typeof ARTICLE_SPELLINGS)[keyof typeof ARTICLE_SPELLINGS];

export const articleSchema = z
  .enum(Object.keys(ARTICLE_SPELLINGS) as [keyof typeof ARTICLE_SPELLINGS], {
    error: () => t('schema.article'),
  })
  .transform((written): Article => ARTICLE_SPELLINGS[written]);

/** The marks of a map of reception points (src/layout/map-symbols.ts draws them). */
export const MAP_SYMBOLS = ['siege', 'agence', 'rendez-vous', 'france-services', 'examens', 'voisin'] as const;
export type MapSymbol = (typeof MAP_SYMBOLS)[number];

export const departmentSchema = z
  .strictObject({
    code: z
      .string({ error: () => t('schema.code') })
      .regex(/^(\d{2}|2A|2B|97[1-6])$/, { error: () => t('schema.code') })
      .describe('Code INSEE du département, entre guillemets : "61", "2A", "974"'),
    name: z.string().min(1).describe('Nom du département, par exemple "Orne"'),
    article: articleSchema
      .optional()
      .describe('Article devant le nom : "de", "d\'", "du", "de la", "des", "de l\'". Par défaut, celui de l\'INSEE'),
    example: z
      .boolean()
      .default(false)
      .describe("true = fichier d'exemple : le livret porte la mention « Exemple : adresses à vérifier »"),
    office: z.strictObject({
      name: z.string().min(1).describe('Nom officiel, par exemple "Caisse primaire d\'assurance maladie de l\'Orne"'),
      short_name: z.string().min(1).describe('Nom court, par exemple "CPAM de l\'Orne"'),
      address: addressLinesSchema,
      phone: phoneSchema,
      website: z.string().min(1).describe('Site internet, par exemple "ameli.fr"'),
      social: z
        .array(
          z.strictObject({
            network: z.string().min(1).describe('Réseau, par exemple "X", "Facebook", "LinkedIn"'),
            handle: z.string().min(1).describe('Nom du compte, par exemple "@cpam61"'),
          }),
        )
        .default([])
        .describe('Comptes sur les réseaux sociaux'),
    }),
    agencies: z.array(agencySchema).min(1).describe("Agences d'accueil (au moins une)"),
    map: z
      .strictObject({
        src: z.string().min(1).describe('Image dans assets/maps/, par exemple "61-points-accueil.png"'),
        alt: z.string().min(1).describe("Ce que montre la carte, en phrases simples"),
        title: z.string().min(1).optional().describe('Titre de la carte ; par défaut « Carte des agences de l\'Orne » (avec le nom du département)'),
        legend: z
          .array(
            z.union([
              z.string().min(1),
              z.strictObject({
                symbol: z.enum(MAP_SYMBOLS).describe('La marque de la carte que la ligne explique'),
                text: z.string().min(1).describe('La phrase de la ligne'),
              }),
            ]),
          )
          .default([])
          .describe('Légende : une phrase par ligne, avec la marque de la carte (symbol) quand la ligne en explique une'),
      })
      .optional()
      .describe("Carte des points d'accueil (image dans assets/maps/)"),
  })
  .meta({
    title: 'Département livret',
    description: "Caisse, agences, horaires et carte d'un département (content/departments/<code>.yaml)",
  });

export type TimeRange = z.infer<typeof timeRangeSchema>;
export type OpeningHours = z.infer<typeof openingHoursSchema>;
export type Agency = z.infer<typeof agencySchema>;
export type Department = z.infer<typeof departmentSchema>;
/** A department file as written (before defaults), e.g. for tests and starter files. */
export type DepartmentInput = z.input<typeof departmentSchema>;
