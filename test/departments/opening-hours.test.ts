import { describe, expect, it } from 'vitest';
import type { OpeningHours } from '../../src/content/department-schema.js';
import {
  agencyHoursLines,
  closedDays,
  describeClosedDays,
  describeOpeningHours,
  formatRanges,
  formatTime,
  weeklyTable,
} from '../../src/content/opening-hours.js';

const dayRange = '08:30-17:00';
const weekdays: OpeningHours = { monday: [dayRange], tuesday: [dayRange], wednesday: [dayRange], thursday: [dayRange], friday: [dayRange] };
const lunch = ['09:00-12:30', '13:30-17:00'];

describe('opening hours as sentences', () => {
  it('formats times and ranges in one style', () => {
    expect(formatTime('08:30')).toBe('8h30');
    expect(formatTime('17:00')).toBe('17h00');
    expect(formatRanges(lunch)).toBe('de 9h00 à 12h30 et de 13h30 à 17h00');
  });

  it('groups consecutive days with the same hours', () => {
    expect(describeOpeningHours(weekdays)).toEqual(['Du lundi au vendredi, de 8h30 à 17h00.']);
  });

  it('does not group days that differ or are not consecutive', () => {
    const hours: OpeningHours = { ...weekdays, wednesday: ['08:30-12:00'] };
    expect(describeOpeningHours(hours)).toEqual([
      'Le lundi et le mardi, de 8h30 à 17h00.',
      'Le mercredi, de 8h30 à 12h00.',
      'Le jeudi et le vendredi, de 8h30 à 17h00.',
    ]);
    expect(describeOpeningHours({ monday: [dayRange], wednesday: [dayRange] })).toEqual([
      'Le lundi, de 8h30 à 17h00.',
      'Le mercredi, de 8h30 à 17h00.',
    ]);
  });

  it('writes a lunch break as two ranges', () => {
    expect(describeOpeningHours({ monday: lunch, tuesday: lunch, wednesday: lunch })).toEqual([
      'Du lundi au mercredi, de 9h00 à 12h30 et de 13h30 à 17h00.',
    ]);
  });

  it('describes a single day', () => {
    expect(describeOpeningHours({ thursday: ['13:30-16:30'] })).toEqual(['Le jeudi, de 13h30 à 16h30.']);
  });

  it('describes a Saturday morning after the week', () => {
    expect(describeOpeningHours({ ...weekdays, saturday: ['09:00-12:00'] })).toEqual([
      'Du lundi au vendredi, de 8h30 à 17h00.',
      'Le samedi, de 9h00 à 12h00.',
    ]);
  });

  it('names the closed days', () => {
    expect(closedDays(weekdays)).toEqual(['saturday', 'sunday']);
    expect(describeClosedDays(weekdays)).toBe('Fermée le samedi et le dimanche.');
    expect(describeClosedDays({ ...weekdays, wednesday: [] })).toBe('Fermée le mercredi, le samedi et le dimanche.');
    expect(describeClosedDays({ ...weekdays, saturday: ['09:00-12:00'] })).toBe('Fermée le dimanche.');
    const everyDay = { ...weekdays, saturday: [dayRange], sunday: [dayRange] };
    expect(describeClosedDays(everyDay)).toBeUndefined();
    expect(describeOpeningHours(everyDay)).toEqual(['Du lundi au dimanche, de 8h30 à 17h00.']);
  });

  it('says when a place is closed every day', () => {
    expect(describeOpeningHours({})).toEqual([]);
    expect(describeClosedDays({ monday: [] })).toBe('Fermée tous les jours.');
  });
});

describe('lines printed under an agency', () => {
  it('gives the hours and the closed weekend', () => {
    expect(agencyHoursLines({ hours: weekdays, appointment_only: false })).toEqual([
      'Du lundi au vendredi, de 8h30 à 17h00.',
      'Fermée le samedi et le dimanche.',
    ]);
  });

  it('leaves out a closed Sunday alone', () => {
    expect(agencyHoursLines({ hours: { ...weekdays, saturday: ['09:00-12:00'] }, appointment_only: false })).toEqual([
      'Du lundi au vendredi, de 8h30 à 17h00.',
      'Le samedi, de 9h00 à 12h00.',
    ]);
  });

  it('says "appointment only" first, then the hours and the note', () => {
    expect(agencyHoursLines({ hours: { tuesday: ['09:00-12:00'] }, appointment_only: true, note: 'Accès pour les fauteuils roulants.' })).toEqual([
      'Sur rendez-vous uniquement.',
      'Le mardi, de 9h00 à 12h00.',
      'Accès pour les fauteuils roulants.',
    ]);
    expect(agencyHoursLines({ appointment_only: true })).toEqual(['Sur rendez-vous uniquement.']);
  });

  it('names closed days only when they are fewer than the open days', () => {
    expect(agencyHoursLines({ hours: { ...weekdays, wednesday: [] }, appointment_only: false })).toContain('Fermée le mercredi, le samedi et le dimanche.');
    expect(agencyHoursLines({ hours: { monday: [dayRange], tuesday: [dayRange] }, appointment_only: false })).toEqual([
      'Le lundi et le mardi, de 8h30 à 17h00.',
    ]);
  });

  it('says "closed every day" unless the agency receives by appointment', () => {
    expect(agencyHoursLines({ hours: {}, appointment_only: false })).toEqual(['Fermée tous les jours.']);
    expect(agencyHoursLines({ hours: {}, appointment_only: true })).toEqual(['Sur rendez-vous uniquement.']);
  });
});

describe('weekly table', () => {
  it('has one row a day with ranges or "Fermée"', () => {
    const table = weeklyTable({ ...weekdays, wednesday: lunch });
    expect(table.map((row) => [row.day, row.text])).toEqual([
      ['Lundi', '8h30 à 17h00'],
      ['Mardi', '8h30 à 17h00'],
      ['Mercredi', '9h00 à 12h30 et 13h30 à 17h00'],
      ['Jeudi', '8h30 à 17h00'],
      ['Vendredi', '8h30 à 17h00'],
      ['Samedi', 'Fermée'],
      ['Dimanche', 'Fermée'],
    ]);
    expect(table[2]!.ranges).toEqual([
      { start: '09:00', end: '12:30', text: '9h00 à 12h30' },
      { start: '13:30', end: '17:00', text: '13h30 à 17h00' },
    ]);
    expect(table[5]).toMatchObject({ weekday: 'saturday', closed: true, ranges: [] });
  });

  it('can leave out a closed Sunday but never an open one', () => {
    expect(weeklyTable(weekdays, { includeClosedSunday: false }).map((row) => row.weekday)).not.toContain('sunday');
    expect(weeklyTable({ sunday: ['10:00-12:00'] }, { includeClosedSunday: false }).at(-1)).toMatchObject({ day: 'Dimanche', text: '10h00 à 12h00' });
  });

  it('shows a week closed every day', () => {
    expect(weeklyTable({}).every((row) => row.closed && row.text === 'Fermée')).toBe(true);
  });
});
