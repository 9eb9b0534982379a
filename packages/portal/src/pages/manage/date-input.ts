/** `YYYY-MM-DDTHH:mm` in local time, as `<input type="datetime-local">` wants it. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The ISO date-time of a datetime-local value, or null when it is empty or invalid. */
export function fromLocalInput(value: string): string | null {
  const date = new Date(value);
  return value && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
}

export const daysFromNow = (days: number) => toLocalInput(new Date(Date.now() + days * 86_400_000));
