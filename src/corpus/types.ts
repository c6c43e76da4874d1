/** One sentence of an article's body, with its place in the article. */
export interface Sentence {
  /** The sentence, whitespace-normalised (no-break spaces become spaces), verbatim otherwise. */
  text: string;
  /** Offset of the first character in `Article.text`. */
  start: number;
  /** Offset one past the last character in `Article.text`. */
  end: number;
  /** Index of the paragraph (in `Article.paragraphs`) the sentence belongs to. */
  paragraph: number;
  /** Index of the sentence in `Article.sentences`. */
  index: number;
}

/** An article file parsed once into a typed record. */
export interface Article {
  /** The file name without its extension. */
  id: string;
  /** The file name, as found in the corpus folder. */
  file: string;
  title: string;
  /** Publication date as YYYY-MM-DD, or null when the article has no date line. */
  published: string | null;
  /** The date line as written ("August 27, 2022 | By Zhang Liu"), or null. */
  dateLine: string | null;
  /**
   * The dateline opening the report ("NAIROBI, May 3 —", "DENVER (March 3, 2022) -"): where and when it
   * was filed, with its offsets in `text`. Its date (YYYY-MM-DD, or --MM-DD with no year known) is the
   * report's, not that of what the report tells. Null when the body opens without one.
   */
  dateline: { text: string; start: number; end: number; date: string | null } | null;
  /** The author(s) named in the date line ("By Zhang Liu"), or null. */
  byline: string | null;
  /** The source URL the text names ("Link of the original article: ...", "Source: ..."), or null. */
  source: string | null;
  /** Body paragraphs, whitespace-normalised, without navigation, date line, source line and footers. */
  paragraphs: string[];
  /** The body: paragraphs joined by a blank line. Sentence offsets refer to this string. */
  text: string;
  sentences: Sentence[];
}

/** A file of the corpus folder that could not be read as an article. */
export interface SkippedFile {
  file: string;
  reason: string;
}

export interface Corpus {
  articles: Article[];
  skipped: SkippedFile[];
}
