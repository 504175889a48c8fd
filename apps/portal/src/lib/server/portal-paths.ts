/** A link the hub made to a portal page (absolute, to its configured portal), as this portal's own path. */
export function portalPath(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return '/';
  }
}

export function innovationPath(partnerId: string, recordId: string): string {
  return `/innovations/${encodeURIComponent(partnerId)}/${encodeURIComponent(recordId)}`;
}
