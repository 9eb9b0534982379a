import { useId, useState } from 'react';
import { useT } from '../../i18n/use-t';

/** The GraphQL query that reads this dataset's records, as a developer would paste it into GraphiQL or a client. */
export function datasetQuery(id: string): string {
  return [
    'query {',
    `  dataConnection(id: "${id}") {`,
    '    name',
    '    fields { name type personal }',
    '    records(first: 20) {',
    '      nodes { key data }',
    '      pageInfo { endCursor hasNextPage }',
    '    }',
    '  }',
    '}',
  ].join('\n');
}

/** A copyable query for this dataset, with where to run it. */
export function DatasetApiSnippet({ id }: { id: string }) {
  const { t } = useT();
  const labelId = useId();
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  const query = datasetQuery(id);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(query);
      setCopied('done');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="dataset-snippet">
      <p id={labelId} className="hint">
        {t('dataset.apiHint')}
      </p>
      <pre className="dataset-snippet__code" tabIndex={0} aria-labelledby={labelId}>
        <code>{query}</code>
      </pre>
      <div className="dataset-snippet__actions">
        <button type="button" className="maru-button maru-button--secondary" onClick={() => void copy()}>
          {t('dataset.copyQuery')}
        </button>
        <a className="maru-button maru-button--secondary" href="/graphql">
          {t('dataset.openGraphiql')}
        </a>
      </div>
      <p role="status" className="hint">
        {copied === 'done' ? t('dataset.copied') : copied === 'failed' ? t('dataset.copyFailed') : ''}
      </p>
    </div>
  );
}
