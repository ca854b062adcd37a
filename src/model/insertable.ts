/** Kinds of content the editor can insert. A `quote` is a sales quote, not a quotation of a message. */
export type InsertableKind = 'snippet' | 'knowledge-article' | 'meeting-link' | 'quote' | 'document';

/** Something the rep can insert into a reply. */
export interface Insertable {
  id: string;
  kind: InsertableKind;
  title: string;
  /** Text inserted into the reply. */
  body: string;
  /** A link inserted with it (article, meeting, quote, document). */
  url?: string;
}
