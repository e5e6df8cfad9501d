// Limits on what "add a source" accepts, shared by the server checks and the form's own early checks.

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const UPLOAD_TYPES = [".txt", ".md", ".html", ".htm"] as const;
