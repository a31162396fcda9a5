import { KIND_LABELS } from '@civic/domain';
import { listInWords } from '../i18n';
import type { Kind, LocalizedText } from '@civic/domain';
import type { PageContext } from './context';
import type { TenantGuide } from '../tenants/guide';

/** A text the tenant data gives in both languages, in the page's. */
export const local = (ctx: PageContext, text: LocalizedText | undefined | null): string => (text ? text[ctx.language] : '');

/** A kind's term in plain words: the sentence for the kind with the term the tenant's charter sets, or that none runs. */
export function termText(ctx: PageContext, guide: TenantGuide, kind: Kind): string {
  const words = ctx.t.kinds[kind];
  const entry = guide.termOf(kind);
  if (!entry || entry.term === null) return words.noTerm;
  return words.term(entry.within[ctx.language]);
}

/** Addresses inside the portal. */
export const paths = {
  tenant: (slug: string) => `/${slug}`,
  submit: (slug: string, kind: Kind) => `/${slug}/submit/${kind}`,
  track: (slug: string) => `/${slug}/track`,
  tracking: (slug: string, code: string) => `/${slug}/cases/${code}`,
  confirm: (slug: string, token: string) => `/${slug}/confirm/${encodeURIComponent(token)}`,
};

/** Kinds as a list in running text: "сигнали и предложения", "signals and proposals". */
export function kindsInWords(ctx: PageContext, kinds: readonly Kind[]): string {
  const names = kinds.map((kind) => {
    const label = KIND_LABELS[kind][ctx.language];
    return label.charAt(0).toLocaleLowerCase(ctx.language) + label.slice(1);
  });
  return listInWords(names, ctx.language);
}

const MONDAY = Date.UTC(2024, 0, 1);

/** The name of a weekday (1 Monday … 7 Sunday) in the page's language. */
export function weekdayName(ctx: PageContext, weekday: number): string {
  const locale = ctx.language === 'bg' ? 'bg-BG' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(MONDAY + (weekday - 1) * 86_400_000));
}

export const intervalsText = (intervals: { from: string; to: string }[]): string =>
  intervals.map((interval) => `${interval.from}–${interval.to}`).join(', ');
