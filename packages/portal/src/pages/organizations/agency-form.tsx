import { useId, useState, type FormEvent } from 'react';
import { ErrorSummary, type FormProblem } from '../../forms/error-summary';
import { TextInput } from '../../forms/text-input';
import { useMutation } from '../../graphql/use-mutation';
import { useErrorText } from '../../i18n/use-error-text';
import { useT } from '../../i18n/use-t';
import type { Agency } from './organization-tree-page';
import { CreateSubAgencyDocument, RenameOrganizationDocument } from './organization-tree-queries';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Behind a button: rename `agency`, or create an agency below it (a top-level agency when `agency` is null).
 * `onDone` receives the confirmation to announce.
 */
export function AgencyForm({
  mode,
  agency,
  onDone,
  kind = 'AGENCY',
}: {
  mode: 'rename' | 'create';
  agency: Agency | null;
  onDone: (message: string) => void;
  /** What `create` makes: an agency (below `agency`), or a company (platform admins). */
  kind?: 'AGENCY' | 'COMPANY';
}) {
  const { t } = useT();
  const explain = useErrorText();
  const id = useId().replace(/:/g, '');
  const create = useMutation(CreateSubAgencyDocument);
  const rename = useMutation(RenameOrganizationDocument);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(mode === 'rename' ? (agency?.name ?? '') : '');
  const [slug, setSlug] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const opener =
    mode === 'rename'
      ? t('organizations.rename', { name: agency?.name ?? '' })
      : kind === 'COMPANY'
        ? t('organizations.addCompany')
        : agency
          ? t('organizations.addBelow', { name: agency.name })
          : t('organizations.addTop');
  if (!open)
    return (
      <button type="button" className="maru-button maru-button--secondary" onClick={() => setOpen(true)}>
        {opener}
      </button>
    );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim() || name.trim().length > 200) found.name = t('organizations.errors.name');
    if (mode === 'create' && !SLUG.test(slug)) found.slug = t('organizations.errors.slug');
    setProblems(found);
    if (Object.keys(found).length) return;
    if (mode === 'rename' && agency) {
      const done = await rename.run({
        id: agency.id,
        input: { name: name.trim(), ...(agency.version ? { expectedVersion: agency.version } : {}) },
      });
      if (!done) return;
      setOpen(false);
      onDone(t('organizations.renamed', { name: done.updateOrganization.organization.name }));
    } else {
      const done = await create.run({
        input: { kind, name: name.trim(), slug, ...(agency && kind === 'AGENCY' ? { parentId: agency.id } : {}) },
      });
      if (!done) return;
      setOpen(false);
      setName('');
      setSlug('');
      onDone(t('organizations.created', { name: done.createOrganization.organization.name }));
    }
  };
  const refusal = create.error ?? rename.error;
  const summary: FormProblem[] = [
    ...(problems.name ? [{ message: problems.name, fieldId: `${id}-name` }] : []),
    ...(problems.slug ? [{ message: problems.slug, fieldId: `${id}-slug` }] : []),
    ...(refusal ? [{ message: explain(refusal) }] : []),
  ];
  return (
    <form className="maru-form agency-form" onSubmit={(event) => void submit(event)} noValidate aria-label={opener}>
      <ErrorSummary problems={summary} />
      <TextInput
        id={`${id}-name`}
        label={mode === 'rename' ? t('organizations.newName') : t('organizations.name')}
        error={problems.name}
        required
        value={name}
        onChange={setName}
      />
      {mode === 'create' ? (
        <TextInput
          id={`${id}-slug`}
          label={t('organizations.slug')}
          hint={t('organizations.slugHint')}
          error={problems.slug}
          required
          spellCheck={false}
          value={slug}
          onChange={(value) => setSlug(value.toLowerCase())}
        />
      ) : null}
      <button type="submit" className="maru-button" disabled={create.running || rename.running}>
        {mode === 'rename'
          ? t('organizations.saveName')
          : kind === 'COMPANY'
            ? t('organizations.createCompany')
            : t('organizations.create')}
      </button>
      <button type="button" className="maru-button maru-button--secondary" onClick={() => setOpen(false)}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
