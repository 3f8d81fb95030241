/** Points per millimetre: PDF coordinates are in points (1/72 inch). */
export const MM = 72 / 25.4;
