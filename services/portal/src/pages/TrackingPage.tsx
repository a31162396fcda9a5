import { CHANNEL_LABELS } from '@civic/domain';
import { formatCalendarDate, formatInstant, formatInstantDate } from '../format/dates';
import type { Problem } from '../i18n';
import type { CitizenActions, PublicCaseView, PublicStep } from '../intake/public-api';
import type { TenantGuide } from '../tenants/guide';
import type { PageContext } from './context';
import { Button, ErrorSummary, Notice, Radios, TextArea } from './fields';
import { Layout } from './Layout';
import { local, paths, termText } from './words';

export type DoneAction = 'withdrawn' | 'information' | 'rated';

/** What the citizen typed in the page's own forms, kept when one is sent back. */
export interface TrackingValues {
  text?: string;
  rating?: string;
  comment?: string;
  recommendation?: string;
}

export interface TrackingPageProps {
  ctx: PageContext;
  guide: TenantGuide;
  code: string;
  view: PublicCaseView;
  actions: CitizenActions;
  /** Right after the submission: the confirmation panel. */
  submitted: boolean;
  done?: DoneAction;
  problems: Problem[];
  values: TrackingValues;
}

/** `/:tenant/cases/:code`: where the case is, in plain words, and what the citizen may do about it now. */
export function TrackingPage(props: TrackingPageProps) {
  const { ctx, guide, code, view, actions, problems } = props;
  const { t } = ctx;
  const tenantName = local(ctx, guide.info.name);
  const here = paths.tracking(guide.slug, code);
  const status = t.status[view.status];
  const instant = (iso: string) => formatInstant(iso, ctx.language, guide.timeZone);
  const dueDate = view.dueDate ? formatCalendarDate(view.dueDate, ctx.language) : undefined;
  return (
    <Layout
      ctx={ctx}
      title={props.submitted ? t.confirmation.title : t.tracking.title(view.registryNumber)}
      hasErrors={problems.length > 0}
      crumbs={[
        { href: '/', label: t.site.home },
        { href: paths.tenant(guide.slug), label: tenantName },
      ]}
    >
      {props.done && <Notice>{t.tracking.done[props.done]}</Notice>}
      <ErrorSummary ctx={ctx} problems={problems} />

      {props.submitted ? (
        <>
          <div className="panel" data-portal="confirmation">
            <h1 className="panel__title">{t.confirmation.title}</h1>
            <p className="panel__body">
              {t.confirmation.registryNumber}
              <br />
              <strong data-portal="registry-number">{view.registryNumber}</strong>
            </p>
          </div>
          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>{t.confirmation.receivedAt}</dt>
              <dd>{formatInstantDate(view.receivedAt, ctx.language, guide.timeZone)}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{t.confirmation.dueDate}</dt>
              <dd data-portal="due-date">{dueDate ?? t.confirmation.noDueDate}</dd>
            </div>
            <div className="summary-list__row">
              <dt>{t.confirmation.code}</dt>
              <dd>
                <code className="tracking-code" data-portal="tracking-code">
                  {code}
                </code>
                <p className="hint">{t.confirmation.keepCode}</p>
              </dd>
            </div>
          </dl>
          <h2 className="heading-m">{t.confirmation.next}</h2>
          <p>{t.kinds[view.kind].next}</p>
          <p>{termText(ctx, guide, view.kind)}</p>
          <p>{t.confirmation.nextFollow}</p>
        </>
      ) : (
        <>
          <p className="caption">{tenantName}</p>
          <h1 className="heading-xl">{t.tracking.title(view.registryNumber)}</h1>
        </>
      )}

      <section aria-labelledby="status">
        <h2 id="status" className="heading-l">
          {t.tracking.status}: <span data-portal="status">{status.name}</span>
        </h2>
        <p>{status.text}</p>
        <dl className="summary-list">
          <div className="summary-list__row">
            <dt>{t.tracking.kind}</dt>
            <dd>{t.kinds[view.kind].name}</dd>
          </div>
          {view.category !== null && (
            <div className="summary-list__row">
              <dt>{t.tracking.category}</dt>
              <dd>{local(ctx, guide.categoryName(view.category)) || view.category}</dd>
            </div>
          )}
          <div className="summary-list__row">
            <dt>{t.tracking.registryNumber}</dt>
            <dd>{view.registryNumber}</dd>
          </div>
          <div className="summary-list__row">
            <dt>{t.tracking.receivedAt}</dt>
            <dd>{instant(view.receivedAt)}</dd>
          </div>
          <div className="summary-list__row">
            <dt>{t.tracking.dueDate}</dt>
            <dd data-portal="tracking-due-date">{dueDate ?? t.tracking.noDueDate}</dd>
          </div>
        </dl>
      </section>

      {view.extension && (
        <section aria-labelledby="extension" data-portal="extension">
          <h2 id="extension" className="heading-m">
            {t.tracking.extension}
          </h2>
          <p>
            {t.tracking.extensionText(
              formatInstantDate(view.extension.at, ctx.language, guide.timeZone),
              formatCalendarDate(view.extension.newFinalDate, ctx.language),
            )}
          </p>
          <p>
            <strong>{t.tracking.extensionReason}:</strong> <span className="prewrap">{view.extension.reason}</span>
          </p>
        </section>
      )}

      {actions.provideInformation && (
        <section aria-labelledby="information" data-portal="information-request">
          <h2 id="information" className="heading-m">
            {t.tracking.informationRequest}
          </h2>
          {view.informationRequest && (
            <>
              <p className="prewrap inset">{view.informationRequest.missing}</p>
              <p className="hint">{t.tracking.informationAskedAt(instant(view.informationRequest.at))}</p>
            </>
          )}
          <form method="post" action={`${here}/information`} noValidate data-portal="information-form">
            <TextArea
              ctx={ctx}
              name="text"
              label={t.tracking.informationLabel}
              hint={t.tracking.informationHint}
              value={props.values.text ?? ''}
              problems={problems}
            />
            <Button>{t.tracking.informationSubmit}</Button>
          </form>
        </section>
      )}

      {view.answer && (
        <section aria-labelledby="answer" data-portal="answer">
          <h2 id="answer" className="heading-m">
            {t.tracking.answer}
          </h2>
          <p className="hint">{t.tracking.answeredAt(instant(view.answer.at), local(ctx, CHANNEL_LABELS[view.answer.channel]))}</p>
          <div className="prewrap inset" data-portal="answer-text">
            {view.answer.text}
          </div>
          {view.answer.letterUrl && (
            <p>
              <a href={`${here}/letter`} data-portal="letter-link" download>
                {t.tracking.letter}
              </a>
            </p>
          )}
        </section>
      )}

      <section aria-labelledby="history">
        <h2 id="history" className="heading-m">
          {t.tracking.history}
        </h2>
        <ol className="timeline" data-portal="history">
          {view.history.map((step, i) => (
            <li key={i} className="timeline__item">
              <span className="timeline__date">{instant(step.at)}</span>
              <span className="timeline__text">{stepText(ctx, guide, step)}</span>
            </li>
          ))}
        </ol>
      </section>

      {actions.rate && (
        <section aria-labelledby="rate" data-portal="rating">
          <h2 id="rate" className="heading-m">
            {t.tracking.rate}
          </h2>
          <p>{t.tracking.rateLead}</p>
          <form method="post" action={`${here}/rating`} noValidate data-portal="rating-form">
            <Radios
              ctx={ctx}
              name="rating"
              label={t.tracking.rating}
              value={props.values.rating ?? ''}
              options={(['1', '2', '3', '4', '5'] as const).map((value) => ({ value, label: t.tracking.ratingOption[value] }))}
              problems={problems}
            />
            <TextArea
              ctx={ctx}
              name="comment"
              label={t.tracking.comment}
              optional
              value={props.values.comment ?? ''}
              rows={4}
              problems={problems}
            />
            <TextArea
              ctx={ctx}
              name="recommendation"
              label={t.tracking.recommendation}
              hint={t.tracking.recommendationHint}
              optional
              value={props.values.recommendation ?? ''}
              rows={4}
              problems={problems}
            />
            <Button>{t.tracking.rateSubmit}</Button>
          </form>
        </section>
      )}

      {actions.withdraw && (
        <section aria-labelledby="withdraw" data-portal="withdraw">
          <h2 id="withdraw" className="heading-m">
            {t.tracking.withdraw}
          </h2>
          <p>{t.tracking.withdrawLead}</p>
          <form method="post" action={`${here}/withdraw`} data-portal="withdraw-form">
            <Button secondary>{t.tracking.withdrawButton}</Button>
          </form>
        </section>
      )}
    </Layout>
  );
}

/** One step of the history in plain words. */
export function stepText(ctx: PageContext, guide: TenantGuide, step: PublicStep): string {
  const { steps, grounds } = ctx.t;
  switch (step.step) {
    case 'no-proceedings':
      return steps['no-proceedings'](grounds[step.ground] ?? step.ground);
    case 'sent-to-unit':
      return steps['sent-to-unit'](local(ctx, guide.unitName(step.unit)) || step.unit);
    case 'redirected':
      return steps.redirected(step.authority);
    case 'deadline-extended':
      return steps['deadline-extended'](formatCalendarDate(step.newFinalDate, ctx.language));
    case 'answered':
      return steps.answered(local(ctx, CHANNEL_LABELS[step.channel]) || step.channel);
    case 'rated':
      return steps.rated(step.rating);
    default: {
      const text = steps[step.step];
      return typeof text === 'string' ? text : step.step;
    }
  }
}

/** `POST …/withdraw` without confirmation: the question, before anything is done. */
export function WithdrawPage({ ctx, guide, code, view }: { ctx: PageContext; guide: TenantGuide; code: string; view: PublicCaseView }) {
  const { t } = ctx;
  const here = paths.tracking(guide.slug, code);
  const tenantName = local(ctx, guide.info.name);
  return (
    <Layout
      ctx={ctx}
      title={t.tracking.withdrawTitle}
      crumbs={[
        { href: '/', label: t.site.home },
        { href: paths.tenant(guide.slug), label: tenantName },
        { href: here, label: t.tracking.title(view.registryNumber) },
      ]}
    >
      <p className="caption">{t.tracking.title(view.registryNumber)}</p>
      <h1 className="heading-xl">{t.tracking.withdrawTitle}</h1>
      <p className="warning-text">
        <strong>{t.tracking.withdrawWarning}</strong>
      </p>
      <form method="post" action={`${here}/withdraw`} noValidate data-portal="withdraw-confirm-form">
        <input type="hidden" name="confirm" value="yes" />
        <TextArea ctx={ctx} name="reason" label={t.tracking.withdrawReason} optional value="" rows={3} problems={[]} />
        <div className="button-group">
          <Button warning>{t.tracking.withdrawConfirm}</Button>
          <a href={here} className="link-button" data-portal="withdraw-cancel">
            {t.tracking.withdrawCancel}
          </a>
        </div>
      </form>
    </Layout>
  );
}
