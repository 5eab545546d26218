import { Document, Packer, Paragraph, TextRun, HeadingLevel, TableOfContents, Bookmark, PageBreak } from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import { unzipSync, strFromU8 } from 'fflate';
const body = [];
for (let i = 0; i < 30; i++) { body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new Bookmark({ id: 'h_c' + i, children: [new TextRun('Chapter ' + i)] })] })); for (let j = 0; j < 20; j++) body.push(new Paragraph('Lorem ipsum dolor sit amet '.repeat(20))); }
const d = new Document({ pageNumbers: estimatePageNumbers,
  sections: [{ children: [
    new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-3', hideTabAndPageNumbersInWebView: true, useAppliedParagraphOutlineLevel: true, beginDirty: false }),
   ...body ] }],
});
console.time('pack');
const a = await Packer.toBuffer(d);
console.timeEnd('pack');
const za = unzipSync(a);
const doc = strFromU8(za['word/document.xml']!);
console.log(doc.slice(doc.indexOf('<w:body>'), doc.indexOf('<w:body>')+2500));
