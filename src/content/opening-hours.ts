import { WEEKDAYS, type Agency, type OpeningHours, type Weekday } from './department-schema.js';

/**
 * Opening hours as easy-read sentences and as a weekly table. Consecutive days
 * with the same hours are grouped ("Du lundi au vendredi, de 8h30 à 17h00."),
 * a lunch break is a second range ("de 9h00 à 12h30 et de 13h30 à 17h00"), and
 * closed days get their own sentence ("Fermée le samedi et le dimanche.").
 */
const DAY_NAMES: Readonly<Record<Weekday, string>> = {
  monday: 'lundi',
  tuesday: 'mardi',
  wednesday: 'mercredi',
  thursday: 'jeudi',
  friday: 'vendredi',
  saturday: 'samedi',
  sunday: 'dimanche',
};

export const APPOINTMENT_ONLY_SENTENCE = 'Sur rendez-vous uniquement.';
export const CLOSED_CELL = 'Fermée';

export function dayName(day: Weekday): string {
  return DAY_NAMES[day];
}

/** "08:30" → "8h30" (the booklet's one time style). */
export function formatTime(time: string): string {
  const [hours, minutes] = time.split(':') as [string, string];
  return `${Number(hours)}h${minutes}`;
}

/** ["09:00-12:30", "13:30-17:00"] → "de 9h00 à 12h30 et de 13h30 à 17h00". */
export function formatRanges(ranges: readonly string[]): string {
  return ranges
    .map((range) => {
      const [start, end] = range.split('-') as [string, string];
      return `de ${formatTime(start)} à ${formatTime(end)}`;
    })
    .join(' et ');
}

interface DayGroup {
  first: Weekday;
  last: Weekday;
  ranges: readonly string[];
}

function rangesOf(hours: OpeningHours, day: Weekday): readonly string[] {
  return hours[day] ?? [];
}

function isNextDay(previous: Weekday, day: Weekday): boolean {
  return WEEKDAYS.indexOf(previous) === WEEKDAYS.indexOf(day) - 1;
}

/** Runs of consecutive open days with the same ranges. */
function groupOpenDays(hours: OpeningHours): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const day of WEEKDAYS) {
    const ranges = rangesOf(hours, day);
    if (ranges.length === 0) continue;
    const previous = groups.at(-1);
    if (previous && isNextDay(previous.last, day) && previous.ranges.join() === ranges.join()) previous.last = day;
    else groups.push({ first: day, last: day, ranges });
  }
  return groups;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "du lundi au vendredi", "le lundi et le mardi", "le samedi". */
function dayRun(first: Weekday, last: Weekday): string {
  if (first === last) return `le ${dayName(first)}`;
  if (isNextDay(first, last)) return `le ${dayName(first)} et le ${dayName(last)}`;
  return `du ${dayName(first)} au ${dayName(last)}`;
}

/** One sentence per group of open days, e.g. ["Du lundi au vendredi, de 8h30 à 17h00."]. */
export function describeOpeningHours(hours: OpeningHours): string[] {
  return groupOpenDays(hours).map(({ first, last, ranges }) => `${capitalise(dayRun(first, last))}, ${formatRanges(ranges)}.`);
}

/** Days on which the place is closed. */
export function closedDays(hours: OpeningHours): Weekday[] {
  return WEEKDAYS.filter((day) => rangesOf(hours, day).length === 0);
}

/**
 * "Fermée le samedi et le dimanche.", "Fermée le mercredi, le samedi et le dimanche.",
 * "Fermée tous les jours."; undefined when open every day.
 */
export function describeClosedDays(hours: OpeningHours): string | undefined {
  const closed = closedDays(hours);
  if (closed.length === 0) return undefined;
  if (closed.length === WEEKDAYS.length) return 'Fermée tous les jours.';
  const names = closed.map((day) => `le ${dayName(day)}`);
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} et ${names.at(-1)!}`;
  return `Fermée ${list}.`;
}

/**
 * Every line the booklet prints under an agency's address, in reading order:
 * appointment only, the opening sentences, the closed days, the note.
 * Closed days get a line only when they are fewer than the open days (a place
 * open on Tuesday only is not "closed on Monday, Wednesday, …"), and a closed
 * Sunday alone is not worth a line.
 */
export function agencyHoursLines(agency: Pick<Agency, 'hours' | 'appointment_only' | 'note'>): string[] {
  const lines: string[] = [];
  if (agency.appointment_only) lines.push(APPOINTMENT_ONLY_SENTENCE);
  if (agency.hours) {
    lines.push(...describeOpeningHours(agency.hours));
    const closed = closedDays(agency.hours);
    const openCount = WEEKDAYS.length - closed.length;
    const sundayOnly = closed.length === 1 && closed[0] === 'sunday';
    const worthSaying = openCount === 0 ? !agency.appointment_only : closed.length < openCount && !sundayOnly;
    const sentence = describeClosedDays(agency.hours);
    if (sentence && worthSaying) lines.push(sentence);
  }
  if (agency.note) lines.push(agency.note);
  return lines;
}

export interface WeeklyTableRow {
  weekday: Weekday;
  /** "Lundi" */
  day: string;
  /** "8h30 à 12h30 et 13h30 à 17h00", or "Fermée" */
  text: string;
  closed: boolean;
  /** The day's ranges, for layouts that draw one cell per range. */
  ranges: ReadonlyArray<{ start: string; end: string; text: string }>;
}

/**
 * The week as a table model (one row per day, Monday first) for the layout:
 * every day appears, so a reader sees at a glance which days are closed.
 * Sunday is left out when it is closed and `includeClosedSunday` is false.
 */
export function weeklyTable(hours: OpeningHours, options: { includeClosedSunday?: boolean } = {}): WeeklyTableRow[] {
  const includeClosedSunday = options.includeClosedSunday ?? true;
  return WEEKDAYS.filter((day) => includeClosedSunday || day !== 'sunday' || rangesOf(hours, day).length > 0).map((weekday) => {
    const ranges = rangesOf(hours, weekday).map((range) => {
      const [start, end] = range.split('-') as [string, string];
      return { start, end, text: `${formatTime(start)} à ${formatTime(end)}` };
    });
    return {
      weekday,
      day: capitalise(dayName(weekday)),
      text: ranges.length === 0 ? CLOSED_CELL : ranges.map((range) => range.text).join(' et '),
      closed: ranges.length === 0,
      ranges,
    };
  });
}
