/** Where this tab keeps a person's subject key: sessionStorage only, so it goes when the tab closes. */
const STORAGE_KEY = 'maru.subjectKey';

export function storedSubjectKey(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function storeSubjectKey(key: string | null): void {
  try {
    if (key) sessionStorage.setItem(STORAGE_KEY, key);
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused (private mode): the key lives only in this page's memory.
  }
}
