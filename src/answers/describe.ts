/**
 * One-line descriptions of answers, shared by every renderer (console, CLI, Discord) so they say the same.
 */
import { format } from 'date-fns';
import type { ArticleRef, EventAnswer, ResolvedDate, Signer, SigningAnswer } from './types.ts';

/** "27 May 2020", "4 July (year not stated)", or "date not stated". */
export function describeDate(date: ResolvedDate): string {
  if (!date) return 'date not stated';
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (full) return format(new Date(Number(full[1]), Number(full[2]) - 1, Number(full[3])), 'd MMMM yyyy');
  const partial = /^--(\d{2})-(\d{2})$/.exec(date);
  if (partial)
    return `${format(new Date(2000, Number(partial[1]) - 1, Number(partial[2])), 'd MMMM')} (year not stated)`;
  return date;
}

/** "Ding Xiaodong (President, USST)". */
export function describeSigner(signer: Signer): string {
  const about = [signer.role, signer.organization].filter(Boolean).join(', ');
  return about ? `${signer.name} (${about})` : signer.name;
}

/** "A and B", "A, B and C". */
export function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "Ding Xiaodong (President, USST) and Yu Xufeng (Governor, Qingpu District) signed the ... on 27 May 2020". */
export function describeSigning(answer: SigningAnswer): string {
  const who = answer.signers.length ? joinList(answer.signers.map(describeSigner)) : 'Someone';
  const what = answer.agreement ? ` the ${answer.agreement.replace(/^(?:the|a|an)\s+/i, '')}` : '';
  const when = answer.date ? ` on ${describeDate(answer.date)}` : ' (date not stated)';
  return `${who} signed${what}${when}.`;
}

/** "27 May 2020: signing ceremony of ...". */
export function describeEvent(answer: EventAnswer): string {
  return `${capitalize(describeDate(answer.date))}: ${answer.event}.`;
}

/** "Title (published 6 June 2020)". */
export function describeArticle(article: ArticleRef): string {
  const published = article.published
    ? `published ${describeDate(article.published)}`
    : 'publication date not stated';
  return `${article.title} (${published})`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
