import { cp, mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

/** The repository root: tests build the real reference booklet from here. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

/** A small department file, valid against the schema. */
export const MINI_DEPARTMENT = `code: "61"
name: Orne
office:
  name: Caisse primaire d'assurance maladie de l'Orne
  short_name: CPAM de l'Orne
  address: ["34 place du Général Bonet", "61012 ALENCON CEDEX"]
  phone: { number: "36 46", price: "Service 0,06 € par minute + prix de l'appel" }
  website: ameli.fr
agencies:
  - name: Agence d'Alençon
    address: ["34 place Bonet", "61000 ALENCON"]
    hours: { monday: ["08:30-17:00"], friday: ["09:00-12:30", "13:30-17:00"] }
`;

/**
 * A throw-away project with one booklet "mini" of one chapter, for tests that
 * need bad input. `files` adds or replaces files (paths relative to the project).
 */
export async function makeProject(files: Record<string, string | Buffer> = {}): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'livret-test-'));
  const defaults: Record<string, string | Buffer> = {
    'content/mini/booklet.yaml': 'title: "Livret de test"\nchapters: [chapitre.md]\n',
    'content/mini/chapitre.md': '# Un chapitre\n\nVous pouvez appeler la CPAM.\nLe numéro est le {{caisse.telephone}}.\n',
    'content/departments/61.yaml': MINI_DEPARTMENT,
    'assets/screenshots/exemple.png': await sharp({ create: { width: 300, height: 200, channels: 3, background: '#dde' } }).png().toBuffer(),
  };
  // A booklet.yaml that does not list the default chapter gets no stray chapitre.md (rule unlisted-chapter).
  const bookletYaml = files['content/mini/booklet.yaml'];
  if (bookletYaml !== undefined && !/(^|[\s\[,"'])chapitre\.md/.test(String(bookletYaml))) delete defaults['content/mini/chapitre.md'];
  for (const [relative, data] of Object.entries({ ...defaults, ...files })) {
    const target = path.join(root, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, data);
  }
  return root;
}

/** A copy of the reference project (content + assets) in a temporary folder. */
export async function copyReferenceProject(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'livret-ref-'));
  await cp(path.join(REPO_ROOT, 'content'), path.join(root, 'content'), { recursive: true });
  await cp(path.join(REPO_ROOT, 'assets'), path.join(root, 'assets'), { recursive: true });
  return root;
}
