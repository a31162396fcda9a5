// pdf-parse's parser without its entry file (see pdf.ts); typed as the entry's export.
declare module 'pdf-parse/lib/pdf-parse.js' {
  const parse: typeof import('pdf-parse');
  export default parse;
}
