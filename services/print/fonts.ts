/**
 * Printed forms use only the fonts bundled in resources/fonts (Noto Serif CJK, SIL OFL), never the system's, so a
 * form looks the same on every counter PC. Located from the source tree, the tsx runner or the electron bundle.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const FONT_FILES = { regular: 'NotoSerifCJK-Regular.ttc', bold: 'NotoSerifCJK-Bold.ttc' } as const;
export const FONT_FACES = { regular: 'NotoSerifCJKsc-Regular', bold: 'NotoSerifCJKsc-Bold' } as const;

export function fontsDir(): string {
  const candidates = [process.env.GJJ_FONTS];
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    candidates.push(join(dir, 'resources/fonts'));
    dir = dirname(dir);
  }
  const found = candidates.find((c): c is string => !!c && existsSync(join(c, FONT_FILES.regular)));
  if (!found) throw new Error(`找不到打印字体 ${FONT_FILES.regular}（resources/fonts）`);
  return resolve(found);
}
