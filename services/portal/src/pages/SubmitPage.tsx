import type { Kind } from '@civic/domain';
import type { SubmissionValues } from '../forms/submission-form';
import { LIMITS } from '../forms/submission-form';
import { dictionaryOf, listInWords, type Problem } from '../i18n';
import type { Anonymity, TenantGuide } from '../tenants/guide';
import type { PageContext } from './context';
import { Button, Checkbox, ErrorSummary, FileInput, Radios, Select, TextArea, TextInput } from './fields';
import { Layout } from './Layout';
import { kindsInWords, local, paths, termText } from './words';
import { formatBytes } from '../format/dates';

export interface SubmitPageProps {
  ctx: PageContext;
  guide: TenantGuide;
  kind: Kind;
  values: SubmissionValues;
  problems: Problem[];
  /** Made when the form was first shown; the same on every retry, so one case however often it is sent. */
  idempotencyKey: string;
}

/** What the media types intake accepts are called by people: "PDF, JPEG and PNG". */
export function typesInWords(mediaTypes: string[], ctx: PageContext): string {
  const names = [...new Set(mediaTypes.map((type) => (type.split('/')[1] ?? type).replace(/^vnd\..*\.|^x-/, '').toUpperCase()))];
  return listInWords(names, ctx.language);
}

/** `/:tenant/submit/:kind`: one form per kind. Works with no script at all; sent as multipart/form-data for the files. */
export function SubmitPage(props: SubmitPageProps) {
  const { ctx, guide, kind, values, problems } = props;
  const { t } = ctx;
  const words = t.kinds[kind];
  const tenantName = local(ctx, guide.info.name);
  const anonymity = guide.anonymityOf(kind);
  const limits = guide.attachmentLimits;
  const languages = guide.languages;
  return (
    <Layout
      ctx={ctx}
      title={`${words.action} — ${tenantName}`}
      hasErrors={problems.length > 0}
      crumbs={[
        { href: '/', label: t.site.home },
        { href: paths.tenant(guide.slug), label: tenantName },
      ]}
    >
      <ErrorSummary ctx={ctx} problems={problems} />
      <p className="caption">{t.form.caption(tenantName)}</p>
      <h1 className="heading-xl">{words.action}</h1>
      <p className="lead">{words.about}</p>
      <p>
        <strong>{t.tenant.term}:</strong> {termText(ctx, guide, kind)}
      </p>

      <form method="post" action={paths.submit(guide.slug, kind)} encType="multipart/form-data" noValidate data-portal="submission-form">
        <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />

        <fieldset className="fieldset">
          <legend className="fieldset__legend fieldset__legend--m">
            <h2 className="fieldset__heading">{t.form.yourSubmission}</h2>
          </legend>
          <Select
            ctx={ctx}
            name="category"
            label={t.form.category}
            hint={t.form.categoryHint}
            placeholder={t.form.categoryChoose}
            value={values.category}
            options={guide.categoriesFor(kind).map((category) => ({ value: category.id, label: local(ctx, category.name) }))}
            problems={problems}
          />
          <TextArea
            ctx={ctx}
            name="text"
            label={t.form.text}
            hint={t.form.textHint(new Intl.NumberFormat(ctx.language === 'bg' ? 'bg-BG' : 'en-GB').format(LIMITS.text))}
            value={values.text}
            rows={10}
            problems={problems}
          />
          {guide.asksViolationDate(kind) && (
            <TextInput
              ctx={ctx}
              name="violationDate"
              label={t.form.violationDate}
              hint={t.form.violationDateHint}
              optional
              value={values.violationDate}
              autoComplete="off"
              width="short"
              problems={problems}
            />
          )}
          {guide.asksAboutThreat(kind) && (
            <Checkbox
              ctx={ctx}
              name="healthSafetyThreat"
              label={t.form.threat}
              hint={anonymity.kind === 'no-proceedings' && anonymity.threatOverrides ? t.form.threatHint : t.form.threatHintNamed}
              checked={values.healthSafetyThreat}
              problems={problems}
            />
          )}
        </fieldset>

        <fieldset className="fieldset">
          <legend className="fieldset__legend fieldset__legend--m">
            <h2 className="fieldset__heading">{t.form.aboutYou}</h2>
          </legend>
          <AnonymityText ctx={ctx} kind={kind} anonymity={anonymity} />
          {anonymity.kind !== 'not-offered' && (
            <Radios
              ctx={ctx}
              name="anonymous"
              label={t.form.identity}
              hint={t.form.anonymousHint}
              value={values.anonymous ? 'yes' : 'no'}
              options={[
                { value: 'no', label: t.form.identityNamed },
                { value: 'yes', label: t.form.identityAnonymous },
              ]}
              problems={problems}
            />
          )}
          <TextInput
            ctx={ctx}
            name="name"
            label={t.form.name}
            optional={anonymity.kind !== 'not-offered'}
            value={values.name}
            autoComplete="name"
            spellCheck={false}
            problems={problems}
          />
          <TextInput
            ctx={ctx}
            name="email"
            label={t.form.email}
            hint={t.form.emailHint}
            optional
            type="email"
            value={values.email}
            autoComplete="email"
            spellCheck={false}
            problems={problems}
          />
          <TextInput
            ctx={ctx}
            name="phone"
            label={t.form.phone}
            hint={t.form.phoneHint}
            optional
            type="tel"
            value={values.phone}
            autoComplete="tel"
            width="medium"
            problems={problems}
          />
          <TextArea
            ctx={ctx}
            name="address"
            label={t.form.address}
            optional
            value={values.address}
            rows={3}
            autoComplete="street-address"
            problems={problems}
          />
          <Radios
            ctx={ctx}
            name="preferredChannel"
            label={t.form.channel}
            optional
            value={values.preferredChannel}
            options={[
              { value: '', label: t.form.channelNone },
              { value: 'email', label: t.form.channelEmail },
              { value: 'phone', label: t.form.channelPhone },
              { value: 'post', label: t.form.channelPost },
            ]}
            problems={problems}
          />
          {languages.length > 1 && (
            <Radios
              ctx={ctx}
              name="language"
              label={t.form.answerLanguage}
              value={values.language}
              inline
              options={languages.map((language) => ({ value: language, label: dictionaryOf(language).language.name, lang: language }))}
              problems={problems}
            />
          )}
        </fieldset>

        <fieldset className="fieldset">
          <legend className="fieldset__legend fieldset__legend--m">
            <h2 className="fieldset__heading">{t.form.files}</h2>
          </legend>
          <FileInput
            ctx={ctx}
            name="attachments"
            label={t.form.filesLabel}
            optional
            accept={limits.mediaTypes.length > 0 ? limits.mediaTypes.join(',') : undefined}
            hint={
              <>
                {t.form.filesHint(limits.maxFiles, formatBytes(limits.maxBytesPerFile, ctx.language))}
                {limits.mediaTypes.length > 0 && ` ${t.form.filesTypes(typesInWords(limits.mediaTypes, ctx))}`}
              </>
            }
            problems={problems}
          />
        </fieldset>

        {/* A trap for robots that fill every field: hidden from people, their screen readers and the tab order. */}
        <div className="trap" aria-hidden="true">
          <label htmlFor="website">{t.form.honeypot}</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>

        <p className="hint">{t.form.privacy}</p>
        <p className="hint">{t.form.submitHint}</p>
        <Button>{t.form.submit}</Button>
      </form>
    </Layout>
  );
}

/** Whether the kind may be sent anonymously, and what that means, honestly (tenants/guide.ts). */
function AnonymityText({ ctx, kind, anonymity }: { ctx: PageContext; kind: Kind; anonymity: Anonymity }) {
  const { t } = ctx;
  switch (anonymity.kind) {
    case 'allowed':
      return <p data-portal="anonymity">{t.anonymity.allowed}</p>;
    case 'not-offered':
      return (
        <p data-portal="anonymity">{kind === 'public-information-request' ? t.anonymity.publicInformation : t.anonymity.whistleblower}</p>
      );
    case 'no-proceedings': {
      const { policy } = anonymity;
      const parts = [policy.requireFullName ? t.anonymity.fullName(policy.minNameParts) : '', t.anonymity.reach[policy.requireReachableBy]];
      const named = parts.filter((part) => part !== '');
      return (
        <div data-portal="anonymity">
          <p>{t.anonymity.noProceedings(kindsInWords(ctx, policy.appliesTo))}</p>
          {anonymity.threatOverrides && <p>{t.anonymity.threatException}</p>}
          {named.length > 0 && <p>{t.anonymity.namedWhen(listInWords(named, ctx.language))}</p>}
        </div>
      );
    }
  }
}
