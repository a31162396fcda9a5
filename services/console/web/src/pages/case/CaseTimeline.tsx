import { useTranslation } from 'react-i18next';
import type { CaseHistory, CaseHistoryEntry, DeskCaseView } from '../../api/cases';
import { ErrorPanel } from '../../components/ErrorPanel';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../format/useFormat';
import { writingIndex } from './timeline';
import { staffWords, TimelineText, useActorRole } from './TimelineText';

/** One entry: when, what in words, who in which role, and the words written with it as far as the reader may see them. */
export function TimelineItem({ entry, written }: { entry: CaseHistoryEntry; written?: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const roleName = useActorRole();
  const words = staffWords(entry);
  return (
    <li className="timeline__entry">
      <p className="timeline__head">
        <time dateTime={entry.occurredAt}>{format.dateTime(entry.occurredAt)}</time> — <TimelineText entry={entry} />
      </p>
      <p className="timeline__actor muted">
        {entry.actor.id
          ? t('case.timeline.by', { role: roleName(entry.actor.role), id: entry.actor.id })
          : t('case.timeline.byRole', { role: roleName(entry.actor.role) })}
      </p>
      {words && <p className="timeline__words">{words}</p>}
      {written && <p className="citizen-text">{written}</p>}
    </li>
  );
}

/**
 * The course of the case, event by event (intake's history: nothing personal in it). For those who read what was
 * written, the submitter's replies and the answers are shown at their entries, from the desk view's content.
 */
export function CaseTimeline({
  view,
  history,
  error,
  onRetry,
}: {
  view: DeskCaseView;
  history: CaseHistory | undefined;
  error: unknown;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const content = view.content;
  const index = history ? writingIndex(history.entries) : new Map<number, number>();
  const writtenAt = (entry: CaseHistoryEntry) => {
    const at = index.get(entry.revision);
    if (!content || at === undefined) return undefined;
    return entry.type === 'InformationProvided' ? content.replies[at]?.text : content.answers[at]?.text;
  };
  return (
    <section className="card" aria-labelledby="case-timeline">
      <h2 id="case-timeline">{t('case.timeline.title')}</h2>
      {history ? (
        <ol className="timeline">
          {history.entries.map((entry) => (
            <TimelineItem key={entry.revision} entry={entry} written={writtenAt(entry)} />
          ))}
        </ol>
      ) : error ? (
        <ErrorPanel error={error} onRetry={onRetry} />
      ) : (
        <Loading />
      )}
    </section>
  );
}
