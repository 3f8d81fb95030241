/**
 * The fictional person whose data fills the mock-ups. Every number here is
 * invented; the social security number is the one the booklet masks.
 */
export const SAMPLE = {
  name: 'Nathalie DURAND',
  firstName: 'Nathalie',
  lastName: 'DURAND',
  socialSecurityNumber: '2 69 05 49 588 157 80',
  birthDate: '23/05/1969',
  postalCode: '00000',
  city: 'VOTRE VILLE',
  /** The seed booklet's example IBAN; its last 7 characters go in the form. */
  ibanGroups: ['FR76', '1027', '8063', '4600', '0208', '9490', '127'],
  ibanLastSeven: '9490127',
  bank: { code: '10278', branch: '06346', account: '00020894901', key: '27', currency: 'EUR' },
  bic: 'EXEMFRPPXXX',
  bankName: 'BANQUE EXEMPLE',
  /** Neutral on purpose: the same pictures go into every département's booklet. */
  bankBranch: 'Agence de votre ville',
  /** Serial number of the card with photo: 10 digits, then the 11 that the form asks for. */
  vitalePhotoSerial: { first: '8025000002', lastEleven: '01234567890' },
  /** Serial number of the card without photo (8 to 13 digits, all typed in the form). */
  vitaleSerial: '456789012',
  email: 'nathalie.durand@example.com',
  /** A number from the range ARCEP reserves for fiction. */
  mobilePhone: '06 39 98 12 34',
} as const;
