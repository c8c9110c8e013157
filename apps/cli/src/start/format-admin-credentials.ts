export interface AdminCredentials {
  url: string;
  email: string;
  /** undefined when the operator chose it through UPDRAFT_ADMIN_PASSWORD. */
  password: string | undefined;
}

/** The one-time notice of the admin account the first start created, in a box. */
export function formatAdminCredentials(credentials: AdminCredentials): string {
  const lines = [
    "Updraft admin account created",
    "",
    `URL:       ${credentials.url}`,
    `E-mail:    ${credentials.email}`,
    `Password:  ${credentials.password ?? "(the one in UPDRAFT_ADMIN_PASSWORD)"}`,
  ];
  if (credentials.password !== undefined) {
    lines.push("", "This password is shown once — save it;", "set UPDRAFT_ADMIN_PASSWORD to choose your own.");
  }
  const width = Math.max(...lines.map((line) => [...line].length));
  const border = "─".repeat(width + 4);
  const body = lines.map((line) => `│  ${line}${" ".repeat(width - [...line].length)}  │`);
  return [`┌${border}┐`, ...body, `└${border}┘`].join("\n") + "\n";
}
