import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormat } from '../../format/useFormat';
import { AcknowledgementLetter } from './AcknowledgementLetter';
import type { Registration } from './useRegister';

/** The registry number, what screening did, the person's tracking code (shown this once) and the acknowledgement letter. */
export function RegistrationDone({
  registration,
  anonymous,
  onAnother,
}: {
  registration: Registration;
  anonymous: boolean;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const heading = useRef<HTMLHeadingElement>(null);
  const flagged = registration.status === 'Flagged';

  useEffect(() => heading.current?.focus(), []);

  return (
    <div className="case">
      <section className="card notice--success" aria-labelledby="registry-done">
        <h2 id="registry-done" ref={heading} tabIndex={-1}>
          {t('registry.done.title', { number: registration.registryNumber })}
        </h2>
        <dl className="facts">
          <div>
            <dt>{t('registry.done.status')}</dt>
            <dd>{flagged ? t('registry.done.flagged') : t('registry.done.accepted')}</dd>
          </div>
          {registration.dueDate && (
            <div>
              <dt>{t('registry.done.due')}</dt>
              <dd>{format.date(registration.dueDate)}</dd>
            </div>
          )}
          {registration.trackingCode && (
            <div>
              <dt>{t('registry.done.trackingCode')}</dt>
              <dd>
                <span className="code">{registration.trackingCode}</span>
                <span className="facts__note">{t('registry.done.trackingCodeHint')}</span>
              </dd>
            </div>
          )}
        </dl>
        <ul className="links">
          {flagged && (
            <li>
              <Link to={`/registry/screening/${registration.caseId}`}>{t('registry.done.decide')}</Link>
            </li>
          )}
          <li>
            <Link to={`/cases/${registration.caseId}`}>{t('registry.done.openCase', { number: registration.registryNumber })}</Link>
          </li>
        </ul>
      </section>
      <AcknowledgementLetter caseId={registration.caseId} anonymous={anonymous} />
      <p>
        <button type="button" className="button" onClick={onAnother}>
          {t('registry.done.another')}
        </button>
      </p>
    </div>
  );
}
