import { graphql } from '../../gql';
import { useQuery } from '../../graphql/use-query';
import { useT } from '../../i18n/use-t';

const LinkOptionsDocument = graphql(`
  query LinkOptions($agencyId: ID!) {
    dataConnections(first: 100, filter: { agencyId: $agencyId }) {
      nodes {
        id
        name
        classification
      }
    }
    services(first: 100) {
      nodes {
        id
        name
        status
      }
    }
  }
`);

interface Links {
  dataConnectionIds: string[];
  serviceIds: string[];
}

/** Tick the agency's datasets and the shared services the challenge bears on. */
export function LinkPickers({
  agencyId,
  value,
  onChange,
}: {
  agencyId: string;
  value: Links;
  onChange: (next: Links) => void;
}) {
  const { t } = useT();
  const options = useQuery(LinkOptionsDocument, { agencyId });
  if (!options.data) return null;
  const toggle = (field: keyof Links, id: string, on: boolean) =>
    onChange({ ...value, [field]: on ? [...value[field], id] : value[field].filter((x) => x !== id) });
  const groups = [
    {
      field: 'dataConnectionIds' as const,
      legend: t('newChallenge.linkData'),
      items: options.data.dataConnections.nodes.map((n) => ({
        id: n.id,
        label: `${n.name} (${t(`classification.${n.classification}`)})`,
      })),
    },
    {
      field: 'serviceIds' as const,
      legend: t('newChallenge.linkServices'),
      items: options.data.services.nodes.map((n) => ({ id: n.id, label: n.name })),
    },
  ];
  return (
    <>
      {groups.map((group) =>
        group.items.length ? (
          <fieldset className="maru-fieldset" key={group.field}>
            <legend>{group.legend}</legend>
            <ul className="maru-checkboxes">
              {group.items.map((item) => (
                <li key={item.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={value[group.field].includes(item.id)}
                      onChange={(event) => toggle(group.field, item.id, event.target.checked)}
                    />{' '}
                    {item.label}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : null,
      )}
    </>
  );
}
