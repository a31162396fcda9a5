/// <reference path="./pdf-parse.d.ts" />
// The library's entry file runs a self-test when loaded without a parent module; its parser alone does not.
import pdfParse from 'pdf-parse/lib/pdf-parse.js';

/** The text a PDF reader gets out of a file, for tests that check what a letter or a report says. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const { text } = await pdfParse(pdf);
  return text;
}
