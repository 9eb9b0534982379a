import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '../../graphql/use-query';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import { AgencyForm } from './agency-form';
import { CompanyListDocument } from './organization-tree-queries';

/** Platform admins: every company, to add one or rename it; each links to its members. */
export function CompanyList() {
  const { t } = useT();
  const explain = useErrorText();
  const result = useQuery(CompanyListDocument);
  const [notice, setNotice] = useState<string | null>(null);
  const companies = result.data?.organizations.nodes ?? [];
  const changed = (message: string) => {
    setNotice(message);
    result.reload();
  };
  return (
    <section className="section" aria-labelledby="companies">
      <h2 id="companies">{t('organizations.companiesTitle')}</h2>
      <p>{t('organizations.companiesIntro')}</p>
      <div role="status">{notice ? <p className="maru-notice maru-notice--success">{notice}</p> : null}</div>
      {result.error ? <p className="maru-form-alert">{explain(result.error)}</p> : null}
      <AgencyForm mode="create" kind="COMPANY" agency={null} onDone={changed} />
      {result.data && companies.length === 0 ? <p>{t('organizations.companiesEmpty')}</p> : null}
      <ul className="org-tree" aria-label={t('organizations.companiesLabel')}>
        {companies.map((company) => (
          <li key={company.id}>
            <div className="org-node">
              <Link to={`/organization?id=${encodeURIComponent(company.id)}`} className="org-node__name">
                {company.name}
              </Link>
              <AgencyForm mode="rename" agency={company} onDone={changed} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
