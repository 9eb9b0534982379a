import { KoreanTime } from '@maru/ui';

/** @maru/ui's `KoreanTime` for a moment that may not have happened yet (never synced, not revoked): a dash then. */
export function KoreanTimeOrDash({ value }: { value: string | null | undefined }) {
  return value ? <KoreanTime value={value} /> : <>—</>;
}
