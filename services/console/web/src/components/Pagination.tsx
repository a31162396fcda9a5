import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';

/** Previous / next as links that keep the other query parameters; hidden when there is one page. */
export function Pagination({ page, pages }: { page: number; pages: number }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  if (pages <= 1) return null;

  const to = (target: number) => {
    const next = new URLSearchParams(params);
    if (target === 1) next.delete('page');
    else next.set('page', String(target));
    return `?${next.toString()}`;
  };

  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      {page > 1 ? (
        <Link to={to(page - 1)} className="button button--quiet" rel="prev">
          {t('pagination.previous')}
        </Link>
      ) : (
        <span />
      )}
      <span className="pagination__position">{t('pagination.position', { page, pages })}</span>
      {page < pages ? (
        <Link to={to(page + 1)} className="button button--quiet" rel="next">
          {t('pagination.next')}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
