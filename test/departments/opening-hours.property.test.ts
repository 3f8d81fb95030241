import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openingHoursSchema, timeRangeSchema, WEEKDAYS, type OpeningHours } from '../../src/content/department-schema.js';
import { closedDays, dayName, describeOpeningHours, weeklyTable } from '../../src/content/opening-hours.js';

const minutes = fc.integer({ min: 0, max: 23 * 60 + 59 });
const clock = (total: number) => `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;

/** 0 to 2 ordered, non-overlapping ranges for one day. */
const dayRanges = fc
  .uniqueArray(minutes, { minLength: 0, maxLength: 4 })
  .map((times) => [...times].sort((a, b) => a - b))
  .map((times) => {
    const ranges: string[] = [];
    for (let index = 0; index + 1 < times.length; index += 2) ranges.push(`${clock(times[index]!)}-${clock(times[index + 1]!)}`);
    return ranges;
  });

const weekHours: fc.Arbitrary<OpeningHours> = fc.record(
  Object.fromEntries(WEEKDAYS.map((day) => [day, dayRanges])) as Record<(typeof WEEKDAYS)[number], fc.Arbitrary<string[]>>,
  { requiredKeys: [] },
);

/** The days a sentence names: "Du lundi au jeudi" covers lundi…jeudi. */
function daysOf(sentence: string): string[] {
  const names = WEEKDAYS.map(dayName);
  const head = sentence.slice(0, sentence.indexOf(','));
  const run = head.match(/^Du (\S+) au (\S+)$/i);
  if (run) return names.slice(names.indexOf(run[1]!), names.indexOf(run[2]!) + 1);
  return [...head.matchAll(/le (\S+)/gi)].map((match) => match[1]!);
}

describe('opening hours, for any week', () => {
  it('the schema accepts every ordered, non-overlapping week', () => {
    fc.assert(fc.property(weekHours, (hours) => openingHoursSchema.safeParse(hours).success));
  });

  it('refuses every range whose end is not after its start', () => {
    fc.assert(
      fc.property(minutes, minutes, (a, b) => {
        fc.pre(a >= b);
        return !timeRangeSchema.safeParse(`${clock(a)}-${clock(b)}`).success;
      }),
    );
  });

  it('names each open day in exactly one sentence, and no closed day', () => {
    fc.assert(
      fc.property(weekHours, (hours) => {
        const named = describeOpeningHours(hours).flatMap(daysOf);
        const open = WEEKDAYS.filter((day) => (hours[day] ?? []).length > 0).map(dayName);
        expect(named.sort()).toEqual([...open].sort());
      }),
    );
  });

  it('the weekly table has the 7 days, "Fermée" exactly on the closed ones', () => {
    fc.assert(
      fc.property(weekHours, (hours) => {
        const table = weeklyTable(hours);
        expect(table.map((row) => row.weekday)).toEqual([...WEEKDAYS]);
        expect(table.filter((row) => row.text === 'Fermée').map((row) => row.weekday)).toEqual(closedDays(hours));
      }),
    );
  });
});
