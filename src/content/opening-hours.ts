import { WEEKDAYS, type OpeningHours, type Weekday } from './department-schema.js';

/**
 * Opening hours as easy-read sentences: consecutive days with the same hours
 * are grouped ("Du lundi au vendredi, de 8h30 à 17h00."), lunch breaks become
 * a second range ("de 9h00 à 12h30 et de 13h30 à 17h00").
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

export function dayName(day: Weekday): string {
  return DAY_NAMES[day];
}

/** "08:30" → "8h30" (the booklet's one time style). */
export function formatTime(time: string): string {
  const [hours, minutes] = time.split(':') as [string, string];
  return `${Number(hours)}h${minutes}`;
}

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

function groupDays(hours: OpeningHours): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const day of WEEKDAYS) {
    const ranges = hours[day] ?? [];
    if (ranges.length === 0) continue;
    const previous = groups.at(-1);
    const follows = previous && WEEKDAYS.indexOf(previous.last) === WEEKDAYS.indexOf(day) - 1;
    if (previous && follows && previous.ranges.join() === ranges.join()) previous.last = day;
    else groups.push({ first: day, last: day, ranges });
  }
  return groups;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One sentence per group of days, e.g. ["Du lundi au vendredi, de 8h30 à 17h00."]. */
export function describeOpeningHours(hours: OpeningHours): string[] {
  return groupDays(hours).map(({ first, last, ranges }) => {
    const days =
      first === last
        ? `le ${dayName(first)}`
        : WEEKDAYS.indexOf(last) - WEEKDAYS.indexOf(first) === 1
          ? `le ${dayName(first)} et le ${dayName(last)}`
          : `du ${dayName(first)} au ${dayName(last)}`;
    return `${capitalise(days)}, ${formatRanges(ranges)}.`;
  });
}

/** Days on which the place is closed, for a "Fermé le samedi et le dimanche." line. */
export function closedDays(hours: OpeningHours): Weekday[] {
  return WEEKDAYS.filter((day) => (hours[day] ?? []).length === 0);
}
