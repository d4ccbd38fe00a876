import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const compressible = /\.(js|css|html|svg|json)$/;

/** Smaller files gain too little from compression to be worth two more copies. */
const minimumBytes = 1024;

/**
 * Writes a Brotli (.br) and a gzip (.gz) copy next to every text file of the build, compressed once at the strongest
 * settings, so that the silo serves them without compressing per request (its PrecompressedFiles picks the copy the
 * browser's Accept-Encoding allows). It runs once the files are written, because other plugins still change the
 * code up to then (Vite fills in its preload helper in generateBundle).
 */
export function precompress(): Plugin {
  return {
    name: 'contactos:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const outDir = options.dir ?? 'dist';
      const writes = Object.values(bundle)
        .filter((output) => compressible.test(output.fileName))
        .map((output) => ({
          fileName: output.fileName,
          bytes: Buffer.from(output.type === 'chunk' ? output.code : output.source),
        }))
        .filter(({ bytes }) => bytes.length >= minimumBytes)
        .flatMap(({ fileName, bytes }) => [
          brotliAsync(bytes, {
            params: {
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }).then((brotli) => writeFile(join(outDir, `${fileName}.br`), brotli)),
          gzipAsync(bytes, { level: constants.Z_BEST_COMPRESSION }).then((gzipped) =>
            writeFile(join(outDir, `${fileName}.gz`), gzipped),
          ),
        ]);
      await Promise.all(writes);
    },
  };
}
