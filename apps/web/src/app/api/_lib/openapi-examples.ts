/** Example bodies for the OpenAPI document (the document's test checks them against the schemas). */
export const DEPLOY_EXAMPLES = {
  jsonBody: {
    files: [{ name: "etl.yaml", content: "dag_id: etl\nschedule: \"@daily\"\nstart_date: 2025-01-01\ntasks:\n  - task_id: extract\n    command: [echo, hi]\n" }],
  },
  success: {
    ok: true,
    results: [
      { file: "etl.yaml", ok: true, dagId: "etl", version: 3, changed: true },
      { file: "report.yaml", ok: true, dagId: "report", version: 1, changed: false },
    ],
  },
  rejected: {
    ok: false,
    results: [
      { file: "etl.yaml", ok: true, dagId: "etl", stored: false },
      {
        file: "ml.yaml",
        ok: false,
        errors: [
          {
            line: 7,
            column: 18,
            path: "tasks[1].depends_on[0]",
            message: 'unknown task "prepocess" (did you mean "preprocess"?)',
            text: 'ml.yaml:7:18 tasks[1].depends_on[0]: unknown task "prepocess" (did you mean "preprocess"?)',
          },
        ],
      },
    ],
  },
  auditCsv:
    "time,actor,action,target_type,target,ip,details\r\n" +
    '2025-01-31T06:00:00.000Z,token ci-deploy,dag.deploy,dag,etl,10.0.0.7,"{""dags"":[{""file"":""etl.yaml"",""dagId"":""etl"",""version"":3,""changed"":true}]}"\r\n',
} as const;

export const ERROR_EXAMPLES = {
  badBody: { ok: false, error: "The body is not valid JSON (Unexpected end of JSON input): send multipart/form-data with one \"file\" part per DAG file (curl -F file=@etl.yaml), or application/json {\"files\":[{\"name\":\"etl.yaml\",\"content\":\"…\"}]}" },
  unauthorized: { ok: false, error: "this API token expired on 2025-01-31" },
  forbidden: { ok: false, error: 'this needs an API token with the AUTHOR role (or higher); token "ci" has VIEWER' },
  notFound: { ok: false, error: "Tenant not found" },
  tooLarge: { ok: false, error: '"huge.yaml" is 1572864 bytes; DAG files are limited to 1 MiB (1048576 bytes): split the DAG or shrink the file' },
  unsupported: {
    ok: false,
    error:
      'Unsupported Content-Type "text/plain": send multipart/form-data with one "file" part per DAG file (curl -F file=@etl.yaml), or application/json {"files":[{"name":"etl.yaml","content":"…"}]}',
  },
  badFilter: { ok: false, error: "Bad filter: from: Dates look like 2025-03-01 or 2025-03-01T14:00:00Z" },
  signIn: { ok: false, error: "Authentication required: sign in" },
  forbiddenAudit: { ok: false, error: 'This needs the ADMIN role (or higher) in tenant "acme"; your role is AUTHOR. Ask a tenant owner or admin for access.' },
} as const;
