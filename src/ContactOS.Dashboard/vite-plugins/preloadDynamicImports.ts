import type { HtmlTagDescriptor, Plugin } from 'vite';

/**
 * Lists in index.html, as modulepreload links, the chunks that the entry imports dynamically (and all that those
 * import, statically or dynamically), which Vite would otherwise only start to fetch when a module runs its import().
 * The entry stays small and runs first, and the application's code (the chart library included, which the
 * application imports dynamically) downloads and compiles in parallel with it from the start.
 */
export function preloadDynamicImports(): Plugin {
  let base = '/';
  return {
    name: 'contactos:preload-dynamic-imports',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk }) {
        if (!bundle || !chunk) {
          return [];
        }
        const files = new Set<string>();
        const visit = (fileName: string) => {
          const dependency = bundle[fileName];
          if (dependency?.type !== 'chunk' || files.has(fileName) || fileName === chunk.fileName) {
            return;
          }
          files.add(fileName);
          dependency.imports.forEach(visit);
          dependency.dynamicImports.forEach(visit);
        };
        chunk.dynamicImports.forEach(visit);
        // Vite already preloads the entry's static imports.
        chunk.imports.forEach((fileName) => files.delete(fileName));
        return [...files].map(
          (fileName): HtmlTagDescriptor => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${fileName}` },
            injectTo: 'head',
          }),
        );
      },
    },
  };
}
