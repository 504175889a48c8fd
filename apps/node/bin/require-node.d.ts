export function unsupportedNode(range: string | undefined, version?: string): string | null;
export function requireNode(name: string, packageJsonUrl: URL): void;
