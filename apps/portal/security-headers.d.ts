export declare const SECURITY_HEADERS: Readonly<Record<string, string>>;
export declare const FALLBACK_CSP: string;
export declare const HSTS: string;
