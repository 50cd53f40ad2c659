// pdfmake 0.3 ships no type declarations; this is the part of its Node API the print service uses.
declare module 'pdfmake' {
  type FontDescriptor = string | Buffer | [string | Buffer, string];
  interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  interface PdfMake {
    virtualfs: { writeFileSync(name: string, data: Buffer): void; existsSync(name: string): boolean };
    setFonts(fonts: Record<string, { normal: FontDescriptor; bold: FontDescriptor; italics: FontDescriptor; bolditalics: FontDescriptor }>): void;
    setUrlAccessPolicy(cb: (url: string) => boolean): void;
    setLocalAccessPolicy(cb: (path: string) => boolean): void;
    createPdf(doc: object, options?: object): OutputDocument;
  }
  const pdfmake: PdfMake;
  export = pdfmake;
}

// pdfmake's pdfkit document class (a subclass of pdfkit's PDFDocument); services/print/sharedFonts.ts extends it.
declare module 'pdfmake/js/PDFDocument' {
  const PDFDocument: new (...args: unknown[]) => object;
  export default PDFDocument;
}
