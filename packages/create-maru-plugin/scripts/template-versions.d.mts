export function templateVersions(): Record<string, string>;
