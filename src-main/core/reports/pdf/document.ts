import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { loadReportFonts } from './fonts';

/** A4 in PDF points; black and white first (grey only for rules and shading). */
const PAGE = { width: 595.28, height: 841.89, margin: 40, headerHeight: 46, footerHeight: 24 } as const;
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.45, 0.45, 0.45);
const LIGHT = rgb(0.88, 0.88, 0.88);

/**
 * Subset embedding, with OpenType shaping features off: a report is Latin text with no
 * ligatures or kerning to speak of, and fontkit's shaping of every string was most of a long
 * report's time (2.2 s of 2.3 s for a 4-hour session).
 */
const SHAPING_OFF = Object.fromEntries(['liga', 'clig', 'calt', 'rlig', 'rclt', 'kern', 'mark', 'mkmk', 'ccmp', 'locl', 'curs', 'dlig'].map((tag) => [tag, false]));
const EMBED_OPTIONS = { subset: true, features: SHAPING_OFF };

interface FontkitLayoutHolder {
  embedder: { font: { layout(text: string, features?: unknown): unknown } };
}

/**
 * pdf-lib lays out every string with fontkit twice (to measure it, and to draw it), and a
 * report repeats the same cells ("98", a nurse's name) hundreds of times. Remembering each
 * string's layout per embedded font keeps a 4-hour report near half a second. pdf-lib has
 * no public hook for this, so the cast reaches its embedder's fontkit font.
 */
function rememberLayouts(font: PDFFont): void {
  const fontkitFont = (font as unknown as FontkitLayoutHolder).embedder.font;
  const layout = fontkitFont.layout.bind(fontkitFont);
  const layouts = new Map<string, unknown>();
  fontkitFont.layout = (text, features) => {
    let laidOut = layouts.get(text);
    if (laidOut === undefined) {
      laidOut = layout(text, features);
      layouts.set(text, laidOut);
    }
    return laidOut;
  };
}

export interface PageHeader {
  /** Left, bold: the clinic. */
  title: string;
  /** Right, bold: what the document is. */
  documentName: string;
  /** Second line: patient, MRN, date. A ShortenableLine keeps its `rest` whole on one line. */
  subtitle: string | ShortenableLine;
  /** Footer, left of the page number. */
  footer: string;
}

/**
 * A line whose first part gives way ("…") when the whole does not fit, so its `rest` is never
 * cut off the page: a long patient name must not push the MRN and date of birth off the header
 * that identifies every page.
 */
export interface ShortenableLine {
  shortenable: string;
  rest: string;
}

/** `text` followed by `rest`, `text` shortened by whole characters with "…" until the line is at most `width` wide. */
export function fitLine(text: string, rest: string, width: number, widthOf: (line: string) => number): string {
  if (widthOf(text + rest) <= width) return text + rest;
  const characters = Array.from(text);
  while (characters.length > 1 && widthOf(`${characters.join('').trimEnd()}…${rest}`) > width) characters.pop();
  return `${characters.join('').trimEnd()}…${rest}`;
}

export interface Column {
  label: string;
  /** Share of the content width (the shares of a table add up to 1). */
  width: number;
  align?: 'left' | 'right';
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: 'black' | 'grey';
  indent?: number;
}

/**
 * A paged report on pdf-lib: a cursor that moves down the page, wrapped text, tables whose
 * header repeats on every page, and, when finished, the same header and "n of m" footer on
 * every page. Fonts are embedded (subset) from the bundled DejaVu Sans.
 */
export class ReportDocument {
  readonly contentWidth = PAGE.width - 2 * PAGE.margin;
  private page!: PDFPage;
  private y = 0;

  private constructor(
    private readonly pdf: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly header: PageHeader,
  ) {}

  static async create(header: PageHeader, info: { title: string; subject: string; createdAt: Date }): Promise<ReportDocument> {
    const pdf = await PDFDocument.create();
    pdf.registerFontkit(fontkit);
    const fonts = loadReportFonts();
    const [regular, bold] = await Promise.all([pdf.embedFont(fonts.regular, EMBED_OPTIONS), pdf.embedFont(fonts.bold, EMBED_OPTIONS)]);
    rememberLayouts(regular);
    rememberLayouts(bold);
    pdf.setTitle(info.title);
    pdf.setSubject(info.subject);
    pdf.setProducer('Vigil');
    pdf.setCreator('Vigil');
    pdf.setCreationDate(info.createdAt);
    pdf.setModificationDate(info.createdAt);
    const doc = new ReportDocument(pdf, regular, bold, header);
    doc.newPage();
    return doc;
  }

  private font(style: TextStyle): PDFFont {
    return style.bold ? this.bold : this.regular;
  }

  newPage(): void {
    this.page = this.pdf.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin - PAGE.headerHeight;
  }

  /** Starts a new page unless `height` points still fit above the footer. */
  ensureSpace(height: number): void {
    if (this.y - height < PAGE.margin + PAGE.footerHeight) this.newPage();
  }

  gap(points: number): void {
    this.y -= points;
  }

  private readonly widths = new Map<string, number>();

  /** Width in points; measured once per string and weight (wrapping measures the same words often). */
  textWidth(text: string, size: number, bold = false): number {
    const key = `${bold ? 'b' : 'r'}${text}`;
    let unit = this.widths.get(key);
    if (unit === undefined) {
      unit = (bold ? this.bold : this.regular).widthOfTextAtSize(text, 1);
      this.widths.set(key, unit);
    }
    return unit * size;
  }

  /** Splits text into lines no wider than `width` (words longer than a line are cut). */
  wrap(text: string, width: number, size: number, bold = false): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (this.textWidth(candidate, size, bold) <= width) {
          line = candidate;
          continue;
        }
        if (line) lines.push(line);
        let rest = word;
        while (this.textWidth(rest, size, bold) > width && rest.length > 1) {
          let cut = rest.length - 1;
          while (cut > 1 && this.textWidth(rest.slice(0, cut), size, bold) > width) cut -= 1;
          lines.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = rest;
      }
      lines.push(line);
    }
    return lines;
  }

  /** A wrapped paragraph at the cursor. */
  text(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 9;
    const indent = style.indent ?? 0;
    const lineHeight = size * 1.3;
    for (const line of this.wrap(text, this.contentWidth - indent, size, style.bold)) {
      this.ensureSpace(lineHeight);
      this.y -= lineHeight;
      this.page.drawText(line, { x: PAGE.margin + indent, y: this.y + size * 0.25, size, font: this.font(style), color: style.color === 'grey' ? GREY : BLACK });
    }
  }

  /** A section heading with a rule under it; kept with at least `keepWith` points of what follows. */
  heading(text: string, keepWith = 40): void {
    this.ensureSpace(30 + keepWith);
    this.gap(10);
    this.text(text, { size: 12, bold: true });
    this.page.drawLine({ start: { x: PAGE.margin, y: this.y }, end: { x: PAGE.width - PAGE.margin, y: this.y }, thickness: 0.6, color: BLACK });
    this.gap(4);
  }

  /** Label: value pairs in two columns. */
  fields(pairs: readonly (readonly [string, string])[], size = 9): void {
    const labelWidth = this.contentWidth * 0.28;
    for (const [label, value] of pairs) {
      const lines = this.wrap(value || '—', this.contentWidth - labelWidth, size);
      const lineHeight = size * 1.3;
      this.ensureSpace(lineHeight * lines.length);
      this.page.drawText(label, { x: PAGE.margin, y: this.y - lineHeight + size * 0.25, size, font: this.bold, color: BLACK });
      for (const line of lines) {
        this.y -= lineHeight;
        this.page.drawText(line, { x: PAGE.margin + labelWidth, y: this.y + size * 0.25, size, font: this.regular, color: BLACK });
      }
    }
  }

  /** A table whose header repeats on each new page; cells wrap; `shade` marks a row (e.g. an artifact). */
  table(columns: readonly Column[], rows: readonly { cells: readonly string[]; shade?: boolean; bold?: boolean }[], size = 7.5): void {
    const lineHeight = size * 1.3;
    const pad = 2;
    const widths = columns.map((column) => column.width * this.contentWidth);
    const drawRow = (cells: readonly string[], options: { bold?: boolean; shade?: boolean; header?: boolean; size?: number }) => {
      const textSize = options.size ?? size;
      const wrapped = cells.map((cell, i) => this.wrap(cell, (widths[i] ?? 0) - 2 * pad, textSize, options.bold || options.header));
      const height = Math.max(1, ...wrapped.map((lines) => lines.length)) * lineHeight + 2 * pad;
      if (!options.header && this.y - height < PAGE.margin + PAGE.footerHeight) {
        this.newPage();
        drawHeader();
      }
      if (options.shade || options.header) {
        this.page.drawRectangle({ x: PAGE.margin, y: this.y - height, width: this.contentWidth, height, color: LIGHT });
      }
      let x = PAGE.margin;
      wrapped.forEach((lines, i) => {
        const width = widths[i] ?? 0;
        lines.forEach((line, lineIndex) => {
          const font = options.bold || options.header ? this.bold : this.regular;
          const textX = columns[i]?.align === 'right' ? x + width - pad - this.textWidth(line, textSize, options.bold || options.header) : x + pad;
          this.page.drawText(line, { x: textX, y: this.y - pad - (lineIndex + 1) * lineHeight + textSize * 0.3, size: textSize, font, color: BLACK });
        });
        x += width;
      });
      this.y -= height;
      this.page.drawLine({ start: { x: PAGE.margin, y: this.y }, end: { x: PAGE.width - PAGE.margin, y: this.y }, thickness: 0.3, color: GREY });
    };
    const drawHeader = () => drawRow(columns.map((column) => column.label), { header: true, size: Math.min(size, 6.5) });
    this.ensureSpace(lineHeight * 4);
    drawHeader();
    for (const row of rows) drawRow(row.cells, row);
  }

  /**
   * Reserves a box of `height` points at the cursor (on a new page if it does not fit) and
   * hands its page and corners to `draw` (for the trend chart and the form's boxes).
   */
  box(height: number, draw: (area: { page: PDFPage; x: number; y: number; width: number; height: number; regular: PDFFont; bold: PDFFont }) => void): void {
    this.ensureSpace(height);
    this.y -= height;
    draw({ page: this.page, x: PAGE.margin, y: this.y, width: this.contentWidth, height, regular: this.regular, bold: this.bold });
  }

  /** Header and "n of m" footer on every page, then the bytes. */
  async finish(): Promise<Uint8Array> {
    const pages = this.pdf.getPages();
    // A long clinic name gives way to the document's name; a long patient name to the identifiers after it.
    const documentNameWidth = this.bold.widthOfTextAtSize(this.header.documentName, 12);
    const title = fitLine(this.header.title, '', this.contentWidth - documentNameWidth - 12, (line) => this.bold.widthOfTextAtSize(line, 12));
    const { shortenable, rest } = typeof this.header.subtitle === 'string' ? { shortenable: this.header.subtitle, rest: '' } : this.header.subtitle;
    const subtitle = fitLine(shortenable, rest, this.contentWidth, (text) => this.regular.widthOfTextAtSize(text, 9));
    pages.forEach((page, index) => {
      const top = PAGE.height - PAGE.margin;
      page.drawText(title, { x: PAGE.margin, y: top - 12, size: 12, font: this.bold, color: BLACK });
      page.drawText(this.header.documentName, { x: PAGE.width - PAGE.margin - documentNameWidth, y: top - 12, size: 12, font: this.bold, color: BLACK });
      page.drawText(subtitle, { x: PAGE.margin, y: top - 28, size: 9, font: this.regular, color: BLACK });
      page.drawLine({ start: { x: PAGE.margin, y: top - 36 }, end: { x: PAGE.width - PAGE.margin, y: top - 36 }, thickness: 1, color: BLACK });
      const pageLabel = `Page ${index + 1} of ${pages.length}`;
      const bottom = PAGE.margin - 4;
      page.drawLine({ start: { x: PAGE.margin, y: bottom + 14 }, end: { x: PAGE.width - PAGE.margin, y: bottom + 14 }, thickness: 0.5, color: GREY });
      page.drawText(this.header.footer, { x: PAGE.margin, y: bottom, size: 7.5, font: this.regular, color: BLACK });
      const labelWidth = this.regular.widthOfTextAtSize(pageLabel, 9);
      page.drawText(pageLabel, { x: PAGE.width - PAGE.margin - labelWidth, y: bottom, size: 9, font: this.regular, color: BLACK });
    });
    return this.pdf.save();
  }
}
