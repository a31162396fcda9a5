import { CHANNEL_LABELS } from '@civic/domain';
import type { TenantGuide } from '../tenants/guide';
import type { PageContext } from './context';
import { Layout } from './Layout';
import { intervalsText, kindsInWords, local, paths, termText, weekdayName } from './words';

/** Channels a citizen can use besides this site (the web form is this site; Open311 is for software). */
const ELSEWHERE = new Set(['web-form', 'open311']);

/** `/:tenant`: how to reach the municipality, what it takes online with the terms, and where to follow a case. */
export function TenantPage({ ctx, guide }: { ctx: PageContext; guide: TenantGuide }) {
  const { t } = ctx;
  const { info, charter } = guide;
  const name = local(ctx, info.name);
  const anonymity = charter.screening.anonymity;
  return (
    <Layout ctx={ctx} title={name} crumbs={[{ href: '/', label: t.site.home }]}>
      <h1 className="heading-xl">{name}</h1>

      <section aria-labelledby="write">
        <h2 id="write" className="heading-l">
          {t.tenant.writeOnline}
        </h2>
        <p>{t.tenant.writeLead}</p>
        <ul className="kind-list" data-portal="kinds">
          {guide.kinds.map((kind) => (
            <li key={kind} className="kind-list__item">
              <h3 className="heading-s">
                <a href={paths.submit(guide.slug, kind)} data-kind={kind}>
                  {t.kinds[kind].action}
                </a>
              </h3>
              <p>{t.kinds[kind].about}</p>
              <p className="kind-list__term">
                <strong>{t.tenant.term}:</strong> {termText(ctx, guide, kind)}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="follow">
        <h2 id="follow" className="heading-l">
          {t.tenant.follow}
        </h2>
        <p>{t.tenant.followLead}</p>
        <p>
          <a className="button button--secondary" href={paths.track(guide.slug)} data-portal="track-link">
            {t.tenant.followLink}
          </a>
        </p>
      </section>

      <section aria-labelledby="contact">
        <h2 id="contact" className="heading-l">
          {t.tenant.contact}
        </h2>
        <dl className="summary-list">
          <div className="summary-list__row">
            <dt>{t.tenant.address}</dt>
            <dd>
              {local(ctx, info.address)}
              {info.address.postcode ? `, ${info.address.postcode}` : ''}
            </dd>
          </div>
          <div className="summary-list__row">
            <dt>{t.tenant.phones}</dt>
            <dd>
              {info.contacts.phones.length === 0 ? (
                t.tenant.noPhones
              ) : (
                <ul className="plain-list">
                  {info.contacts.phones.map((phone) => (
                    <li key={phone.number}>
                      <a href={`tel:${phone.number.replace(/[^\d+]/g, '')}`}>{phone.number}</a> (
                      {t.tenant.phonePurpose[phone.purpose as keyof typeof t.tenant.phonePurpose] ?? phone.purpose})
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
          {info.contacts.emails.length > 0 && (
            <div className="summary-list__row">
              <dt>{t.tenant.emails}</dt>
              <dd>
                <ul className="plain-list">
                  {info.contacts.emails.map((email) => (
                    <li key={email.address}>
                      <a href={`mailto:${email.address}`}>{email.address}</a> (
                      {t.tenant.emailPurpose[email.purpose as keyof typeof t.tenant.emailPurpose] ?? email.purpose})
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
          {info.contacts.web.length > 0 && (
            <div className="summary-list__row">
              <dt>{t.tenant.web}</dt>
              <dd>
                <ul className="plain-list">
                  {info.contacts.web.map((web) => (
                    <li key={web.url}>
                      <a href={web.url} rel="noreferrer">
                        {web.url}
                      </a>{' '}
                      ({t.tenant.webPurpose[web.purpose as keyof typeof t.tenant.webPurpose] ?? web.purpose})
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
          <div className="summary-list__row">
            <dt>{t.tenant.hours}</dt>
            <dd>
              <ul className="plain-list" data-portal="opening-hours">
                {[1, 2, 3, 4, 5, 6, 7].map((weekday) => {
                  const day = info.openingHours.find((entry) => entry.weekday === weekday);
                  return (
                    <li key={weekday}>
                      {weekdayName(ctx, weekday)}: {day && day.intervals.length > 0 ? intervalsText(day.intervals) : t.tenant.closed}
                    </li>
                  );
                })}
              </ul>
            </dd>
          </div>
          {info.receptionDays.length > 0 && (
            <div className="summary-list__row">
              <dt>{t.tenant.receptionDays}</dt>
              <dd>
                <ul className="plain-list" data-portal="reception-days">
                  {info.receptionDays.map((reception) => (
                    <li key={reception.official}>
                      {local(ctx, reception.title)}:{' '}
                      {reception.weekday === null
                        ? t.tenant.receptionDayUnnamed
                        : `${weekdayName(ctx, reception.weekday)}${reception.intervals.length > 0 ? `, ${intervalsText(reception.intervals)}` : ''}`}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
          <div className="summary-list__row">
            <dt>{t.tenant.channels}</dt>
            <dd>
              <ul className="plain-list">
                {info.channels
                  .filter((entry) => !ELSEWHERE.has(entry.channel))
                  .map((entry) => (
                    <li key={entry.channel}>{local(ctx, CHANNEL_LABELS[entry.channel])}</li>
                  ))}
              </ul>
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="good">
        <h2 id="good" className="heading-l">
          {t.tenant.good}
        </h2>
        <ul className="bullets">
          {anonymity.appliesTo.length > 0 && <li>{t.tenant.anonymousNote(kindsInWords(ctx, anonymity.appliesTo))}</li>}
          {anonymity.appliesTo.length > 0 && charter.screening.healthSafetyThreat.overridesAnonymity && <li>{t.tenant.threatNote}</li>}
          <li>{t.tenant.protectionNote}</li>
        </ul>
      </section>
    </Layout>
  );
}
