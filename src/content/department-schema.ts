import { z } from 'zod';

/**
 * The department file (`content/departments/<code>.yaml`): one CPAM's office,
 * agencies and opening hours. The chapters never hold this data; `::agencies`,
 * `::contact` and `{{…}}` variables read it from here.
 */

/** "08:30-12:30": a time range within one day, start before end. */
export const timeRangeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'write a time range as "HH:MM-HH:MM", for example "08:30-12:30"')
  .refine((range) => {
    const [start, end] = range.split('-') as [string, string];
    return start < end;
  }, 'the range ends before it starts: write the earlier time first, for example "08:30-17:00"')
  .describe('Plage horaire "HH:MM-HH:MM"');

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const dayHoursSchema = z.array(timeRangeSchema).describe('Plages horaires du jour; liste vide ou absente = fermé');

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
  .describe('Horaires d\'ouverture par jour (jours absents = fermé)');

export const addressLinesSchema = z
  .array(z.string().min(1))
  .min(2)
  .max(6)
  .describe('Lignes de l\'adresse postale, la dernière = code postal et ville');

export const phoneSchema = z.strictObject({
  number: z.string().regex(/^\d{2}( \d{2})+$/, 'group the phone number by two digits, for example "36 46" or "02 33 12 34 56"'),
  price: z.string().min(1).optional().describe('Prix de l\'appel, en clair'),
});

export const agencySchema = z.strictObject({
  name: z.string().min(1).describe('Nom de l\'agence, par exemple "Agence d\'Alençon"'),
  address: addressLinesSchema,
  hours: openingHoursSchema.optional(),
  appointment_only: z.boolean().default(false).describe('Accueil uniquement sur rendez-vous'),
  note: z.string().min(1).optional(),
});

export const departmentSchema = z.strictObject({
  code: z.string().regex(/^(\d{2}|2A|2B|97[1-6])$/, 'use the INSEE code of the département, for example "61", "2A" or "974"'),
  name: z.string().min(1).describe('Nom du département, par exemple "Orne"'),
  article: z
    .enum(['de ', "d'", 'du ', 'de la ', 'des ', "de l'"])
    .optional()
    .describe('Article devant le nom ("de l\'", "du", "de la", "des"); par défaut, celui de l\'INSEE'),
  example: z.boolean().default(false).describe('Fichier d\'exemple dont les adresses doivent être vérifiées'),
  office: z.strictObject({
    name: z.string().min(1).describe('Nom officiel, par exemple "Caisse primaire d\'assurance maladie de l\'Orne"'),
    short_name: z.string().min(1).describe('Nom court, par exemple "CPAM de l\'Orne"'),
    address: addressLinesSchema,
    phone: phoneSchema,
    website: z.string().min(1),
    social: z
      .array(z.strictObject({ network: z.string().min(1), handle: z.string().min(1) }))
      .default([]),
  }),
  agencies: z.array(agencySchema).min(1),
  map: z
    .strictObject({ src: z.string().min(1), alt: z.string().min(1), legend: z.array(z.string().min(1)).default([]) })
    .optional()
    .describe('Carte des points d\'accueil (image dans assets/)'),
});

export type TimeRange = z.infer<typeof timeRangeSchema>;
export type OpeningHours = z.infer<typeof openingHoursSchema>;
export type Agency = z.infer<typeof agencySchema>;
export type Department = z.infer<typeof departmentSchema>;
