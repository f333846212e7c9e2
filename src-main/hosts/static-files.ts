import { readFile } from 'node:fs/promises';
import { contentTypeOf, resolveRendererPath } from '../core/security/renderer-files';

/** One file of the built renderer for a URL path, or null when refused or missing. */
export async function readStatic(root: string, urlPath: string): Promise<{ body: Buffer; contentType: string } | null> {
  const path = resolveRendererPath(root, urlPath);
  if (!path) return null;
  try {
    return { body: await readFile(path), contentType: contentTypeOf(path) };
  } catch {
    return null;
  }
}
