/**
 * Advance widths of DejaVu Sans (regular and bold), in font units (2048 per em),
 * for the characters the mock-up screens use. Measured once from the installed
 * TTF files with fontkit and pasted here, so the tool can place buttons and
 * named regions around text without a font library at run time. Kerning is
 * ignored: widths are within a pixel or two of what librsvg draws.
 */
const UNITS_PER_EM = 2048;
const CHARACTERS = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŒÆ«»’°€•…–—·✓✔›‹▾▸●○★✉☎";
const REGULAR = [651,821,942,1716,1303,1946,1597,563,799,799,1024,1716,651,739,651,690,1303,1303,1303,1303,1303,1303,1303,1303,1303,1303,690,690,1716,1716,1716,1087,2048,1401,1405,1430,1577,1294,1178,1587,1540,604,604,1343,1141,1767,1532,1612,1235,1612,1423,1300,1251,1499,1401,2025,1403,1251,1403,799,690,799,1716,1024,1024,1255,1300,1126,1300,1260,721,1300,1298,569,569,1186,569,1995,1298,1253,1300,1300,842,1067,803,1298,1212,1675,1212,1212,1075,1303,690,1303,1716,1255,1255,1255,1126,1260,1260,1260,1260,569,569,1253,1253,1298,1298,1298,1212,2095,2011,1401,1401,1401,1430,1294,1294,1294,1294,604,604,1612,1612,1499,1499,1499,2191,1995,1253,1253,651,1024,1303,1208,2048,1024,2048,651,1716,1716,819,819,1028,1028,1787,1787,1836,1716,2551];
const BOLD = [713,934,1067,1716,1425,2052,1786,627,936,936,1071,1716,778,850,778,748,1425,1425,1425,1425,1425,1425,1425,1425,1425,1425,819,819,1716,1716,1716,1188,2048,1585,1561,1503,1700,1399,1399,1681,1714,762,762,1587,1305,2038,1714,1741,1501,1741,1577,1475,1397,1663,1585,2259,1579,1483,1485,936,748,936,1716,1024,1024,1382,1466,1214,1466,1389,891,1466,1458,702,702,1362,702,2134,1458,1407,1466,1466,1010,1219,979,1458,1335,1892,1321,1335,1192,1458,748,1458,1716,1382,1382,1382,1214,1389,1389,1389,1389,702,702,1407,1407,1458,1458,1458,1335,2241,2146,1585,1585,1585,1503,1399,1399,1399,1399,762,762,1741,1741,1663,1663,1663,2390,2222,1323,1323,778,1024,1425,1309,2048,1024,2048,778,1716,1716,844,844,1028,1028,1787,1787,1836,1716,2551];

export type FontWeight = 400 | 700;

function widthTable(widths: readonly number[]): ReadonlyMap<string, number> {
  return new Map([...CHARACTERS].map((character, index) => [character, widths[index] ?? 0]));
}

const TABLES: Record<FontWeight, ReadonlyMap<string, number>> = { 400: widthTable(REGULAR), 700: widthTable(BOLD) };

/** Width in pixels of `text` drawn in DejaVu Sans at `fontSize` pixels. */
export function textWidth(text: string, fontSize: number, weight: FontWeight = 400): number {
  const table = TABLES[weight];
  let units = 0;
  for (const character of text) {
    const advance = table.get(character);
    if (advance === undefined) {
      throw new Error(`make-screenshots: no width for "${character}" in "${text}"; add it to src/tools/screenshots/text-width.ts`);
    }
    units += advance;
  }
  return (units * fontSize) / UNITS_PER_EM;
}
