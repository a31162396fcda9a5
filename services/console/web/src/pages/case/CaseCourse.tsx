import { useTranslation } from 'react-i18next';
import type { DeskCaseView } from '../../api/cases';
import { useFormat } from '../../format/useFormat';

type Entry = { kind: 'submitted' | 'reply' | 'answer'; at: string; text: string | null };

/**
 * The course of the case as far as the desk view tells it: the submission, the submitter's replies and the answers.
 * The full event history (routing, assignment, extensions) is in analytics' audit history, which only auditors may read.
 */
export function CaseCourse({ view }: { view: DeskCaseView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const content = view.content;
  if (!content) return null;

  const entries: Entry[] = [
    { kind: 'submitted' as const, at: content.submission.at, text: null },
    ...content.replies.map((reply) => ({ kind: 'reply' as const, at: reply.at, text: reply.text })),
    ...content.answers.map((answer) => ({ kind: 'answer' as const, at: answer.at, text: answer.text })),
  ].sort((a, b) => a.at.localeCompare(b.at));

  return (
    <section className="card" aria-labelledby="case-course">
      <h2 id="case-course">{t('case.course.title')}</h2>
      <ol className="timeline">
        {entries.map((entry, index) => (
          <li key={index} className="timeline__entry">
            <p className="timeline__head">
              <time dateTime={entry.at}>{format.dateTime(entry.at)}</time> — {t(`case.course.${entry.kind}`)}
            </p>
            {entry.text && <p className="citizen-text">{entry.text}</p>}
          </li>
        ))}
      </ol>
      <p className="muted">{t('case.course.partial')}</p>
    </section>
  );
}
