import { Link } from 'react-router';
import { OperatorIdentifier, SiteFooter as UiSiteFooter, type FooterLink } from '@maru/ui';
import { useT } from '../i18n/use-t';
import { renderLink } from './router-link';
import { policyPath, type SiteIdentity } from './site-identity';

/**
 * The foot of every page (KRDS): the operator's identifier, then the policy pages the operator configured (the
 * privacy policy emphasised), the operator's address and contact.
 */
export function SiteFooter({ site }: { site: SiteIdentity | null }) {
  const { t } = useT();
  const operator = site?.operator ?? null;
  const links: FooterLink[] = (site?.policies ?? []).map((policy) => ({
    href: policyPath(policy.kind),
    label: policy.title,
    emphasised: policy.kind === 'PRIVACY',
  }));
  // Contact: mail to the operator's address when the contact line has one; the line itself is below either way.
  const mail = /[\w.+-]+@[\w-]+(\.[\w-]+)+/.exec(operator?.contact ?? '')?.[0];
  if (mail) links.push({ href: `mailto:${mail}`, label: t('layout.contact') });
  const details = [
    operator?.address ? { term: t('layout.address'), value: operator.address } : null,
    operator?.contact ? { term: t('layout.contactLine'), value: operator.contact } : null,
  ].filter((detail) => detail !== null);
  return (
    <footer className="app-footer">
      <div className="app-footer__inner">
        {operator ? (
          <OperatorIdentifier
            label={t('layout.operator')}
            name={operator.name}
            statement={t('layout.operatedBy', { name: operator.name })}
            url={operator.url}
          />
        ) : null}
        {/* For people whose records an agency holds: no account, only the key the agency gave them. */}
        <p className="app-footer__my-data">
          <Link to="/me/data">{t('layout.myData')}</Link> <span>({t('layout.myDataHint')})</span>
        </p>
        <UiSiteFooter
          label={t('layout.siteInfo')}
          linksLabel={t('layout.policies')}
          links={links}
          operatorName={null}
          details={details}
          note={t('layout.footer')}
          renderLink={(props) =>
            props.href.startsWith('/') ? (
              renderLink(props)
            ) : (
              <a href={props.href} className={props.className}>
                {props.children}
              </a>
            )
          }
        />
      </div>
    </footer>
  );
}
